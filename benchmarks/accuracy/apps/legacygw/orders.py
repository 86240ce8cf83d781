"""Order storage (sqlite3)."""
from __future__ import annotations

import sqlite3
from typing import Any, Sequence

from . import settings


def fetch_all(sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    conn = sqlite3.connect(settings.DB_PATH)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def for_partner(code: str) -> list[tuple]:
    return fetch_all(
        "SELECT id, reference, total, status FROM orders WHERE partner_code = '%s' ORDER BY id DESC" % code
    )


def since(day: str) -> list[tuple]:
    return fetch_all("SELECT id, reference, total, status FROM orders WHERE created >= ? ORDER BY id", (day,))
