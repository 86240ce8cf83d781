import logging

import psycopg2

from phonebook import settings

log = logging.getLogger("phonebook.db")
_conn = None


def conn():
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg2.connect(settings.DB_DSN)
    return _conn


def query(sql, args=None):
    cur = conn().cursor()
    try:
        cur.execute(sql, args)
        return cur.fetchall()
    finally:
        cur.close()


def query_one(sql, args=None):
    rows = query(sql, args)
    return rows[0] if rows else None


def execute(sql, args=None):
    c = conn()
    cur = c.cursor()
    cur.execute(sql, args)
    c.commit()
    cur.close()
