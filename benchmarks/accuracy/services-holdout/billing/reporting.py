"""Report rendering: small HTML tables and CSV files."""
from __future__ import annotations

import csv
import html
import io
from typing import Iterable, Sequence

REPORT_HEADERS = ("Number", "Status", "Amount", "Due")


def render_html_table(title: str, rows: Iterable[Sequence[str]]) -> str:
    """Render rows from the database as a printable HTML page under ``title``."""
    out = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><table>"
    out += "<tr>" + "".join(f"<th>{h}</th>" for h in REPORT_HEADERS) + "</tr>"
    for row in rows:
        out += "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
    out += "</table></body></html>"
    return out


def build_csv(rows: Iterable[Sequence[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(REPORT_HEADERS)
    writer.writerows(rows)
    return buf.getvalue()
