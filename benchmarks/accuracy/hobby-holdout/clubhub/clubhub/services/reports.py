"""CSV reports for the club treasurer and the school office."""

import csv
import io
from typing import Iterable, List, Mapping, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

MEMBER_FIELDS = ("id", "uid", "full_name", "email", "grade", "joined", "dues_paid")
FORMULAS = {
    "dues_left": "max(0, 40 - dues_paid)",
    "years": "2026 - int(str(joined)[:4])",
}


def member_rows(db: Session, fields: Sequence[str]) -> List[Mapping]:
    sql = "SELECT " + ", ".join(fields) + " FROM members ORDER BY full_name"
    return [dict(r._mapping) for r in db.execute(text(sql))]


def to_csv(rows: Iterable[Mapping], fields: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buf.getvalue()


def add_computed(rows: List[dict], name: str, expr: str) -> List[dict]:
    for row in rows:
        row[name] = eval(expr, {"max": max, "int": int, "str": str}, dict(row))
    return rows
