"""Data access helpers for the shop database (SQLite)."""
from __future__ import annotations

import sqlite3
from typing import Any, Sequence

from flask import g

from . import settings

PRODUCT_COLUMNS = "id, sku, name, price_cents, category_id, stock"


def get_db() -> sqlite3.Connection:
    """Return the connection bound to the current application context."""
    if "db" not in g:
        g.db = sqlite3.connect(settings.DATABASE, detect_types=sqlite3.PARSE_DECLTYPES)
        g.db.row_factory = sqlite3.Row
    return g.db


def close_db(exc: BaseException | None = None) -> None:
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def query(sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Run a read query and return every row."""
    cur = get_db().cursor()
    cur.execute(sql, params)
    return cur.fetchall()


def find_products(condition: str, order_by: str = "name", limit: int = settings.PAGE_SIZE) -> list[sqlite3.Row]:
    """Active products matching ``condition``, a WHERE fragment built by the caller."""
    sql = (
        f"SELECT {PRODUCT_COLUMNS} FROM products "
        f"WHERE {condition} AND active = 1 ORDER BY {order_by} LIMIT {int(limit)}"
    )
    cur = get_db().cursor()
    cur.execute(sql)
    return cur.fetchall()


def find_customer(email: str) -> sqlite3.Row | None:
    rows = query("SELECT id, email, password_hash FROM customers WHERE email = ?", (email.lower(),))
    return rows[0] if rows else None


def all_tags() -> list[str]:
    return [row["tag"] for row in query("SELECT DISTINCT tag FROM product_tags ORDER BY tag")]
