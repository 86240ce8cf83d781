"""Thin data-access layer over sqlite3."""
from __future__ import annotations

import logging
import sqlite3
from typing import Any, Iterable, Sequence

from flask import current_app, g

log = logging.getLogger(__name__)


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


def query(sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Run a read-only statement and return every row."""
    cur = get_db().cursor()
    cur.execute(sql, params)
    return cur.fetchall()


def list_products(order_by: str, page: int = 0, page_size: int = 24) -> list[sqlite3.Row]:
    """One page of the catalogue, ordered by the given column."""
    sql = (
        "SELECT id, name, price, rating FROM products WHERE active = 1 "
        "ORDER BY " + order_by + " LIMIT ? OFFSET ?"
    )
    return get_db().execute(sql, (page_size, page * page_size)).fetchall()


def products_by_ids(ids: Iterable[str]) -> list[sqlite3.Row]:
    id_list = list(ids)
    if not id_list:
        return []
    placeholders = ",".join("?" for _ in id_list)
    return query(f"SELECT id, name, price FROM products WHERE id IN ({placeholders})", id_list)
