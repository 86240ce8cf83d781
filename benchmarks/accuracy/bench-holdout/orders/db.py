"""Thin sqlite helpers shared by the order views."""
import logging
import sqlite3

from flask import g

log = logging.getLogger(__name__)
DB_PATH = "/var/lib/shop/orders.db"


def get_conn() -> sqlite3.Connection:
    if "conn" not in g:
        g.conn = sqlite3.connect(DB_PATH)
        g.conn.row_factory = sqlite3.Row
    return g.conn


def fetch_all(sql: str, params: tuple = ()) -> list[dict]:
    cur = get_conn().cursor()
    log.debug("query: %s", sql)
    cur.execute(sql, params)
    return [dict(row) for row in cur.fetchall()]
