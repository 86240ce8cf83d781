"""Thin sqlite3 helpers. Nothing clever here on purpose."""

import sqlite3
from contextlib import closing
from typing import Any, Iterable, Optional

from flask import g

from . import config

SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    title TEXT,
    tag TEXT,
    added TEXT DEFAULT CURRENT_TIMESTAMP,
    archived INTEGER DEFAULT 0
);
CREATE VIRTUAL TABLE IF NOT EXISTS bookmarks_fts USING fts5(title, body, content='bookmarks');
CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT UNIQUE, pw TEXT, token TEXT);
"""


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(config.DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


def init_db() -> None:
    with closing(sqlite3.connect(config.DATABASE)) as conn:
        conn.executescript(SCHEMA)


def query(sql: str, params: Iterable[Any] = ()) -> list:
    cur = get_db().execute(sql, tuple(params))
    return cur.fetchall()


def query_one(sql: str, params: Iterable[Any] = ()) -> Optional[sqlite3.Row]:
    rows = query(sql, params)
    return rows[0] if rows else None


def execute(sql: str, params: Iterable[Any] = ()) -> int:
    conn = get_db()
    cur = conn.execute(sql, tuple(params))
    conn.commit()
    return cur.rowcount


def insert_bookmark(url: str, title: str, tag: str = "") -> int:
    conn = get_db()
    cur = conn.execute("INSERT INTO bookmarks (url, title, tag) VALUES (?, ?, ?)", (url, title, tag))
    conn.commit()
    return int(cur.lastrowid or 0)
