"""Thin sqlite access layer."""
import logging
import sqlite3
from contextlib import closing

from opsadmin import settings

log = logging.getLogger(__name__)


def connect():
    conn = sqlite3.connect(settings.DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_all(sql, params=()):
    log.debug("sql: %s", sql)
    with closing(connect()) as conn:
        cur = conn.cursor()
        cur.execute(sql, params)
        return cur.fetchall()


def fetch_one(sql, params=()):
    rows = fetch_all(sql, params)
    return rows[0] if rows else None


def execute(sql, params=()):
    with closing(connect()) as conn:
        conn.execute(sql, params)
        conn.commit()
