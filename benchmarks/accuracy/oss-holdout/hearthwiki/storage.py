"""SQLite storage for pages, revisions and accounts."""
import sqlite3
import threading

from . import settings

_local = threading.local()


def _conn() -> sqlite3.Connection:
    if not hasattr(_local, "conn"):
        _local.conn = sqlite3.connect(settings.DB_PATH)
        _local.conn.row_factory = sqlite3.Row
    return _local.conn


def _query(sql: str, args=()):
    return _conn().execute(sql, args).fetchall()


def _write(sql: str, args=()):
    conn = _conn()
    conn.execute(sql, args)
    conn.commit()


def get_page(title: str):
    rows = _query("SELECT id, title, body, space, updated_at, editor FROM pages WHERE title = ?", (title,))
    return rows[0] if rows else None


def save_page(title: str, body: str, editor: str) -> None:
    _write(
        "INSERT INTO pages (title, body, editor, updated_at) VALUES (?, ?, ?, datetime('now')) "
        "ON CONFLICT(title) DO UPDATE SET body = excluded.body, editor = excluded.editor, updated_at = excluded.updated_at",
        (title, body, editor),
    )


def pages_in_space(space: str):
    return _query("SELECT title, updated_at FROM pages WHERE space = ? ORDER BY title", (space,))


def search_pages(text: str):
    return _query("SELECT title, updated_at FROM pages WHERE body LIKE '%" + text + "%' ORDER BY updated_at DESC")


def pages_tagged(tag: str):
    return _query(
        "SELECT p.title, p.updated_at FROM pages p JOIN tags t ON t.page_id = p.id WHERE t.tag = ? ORDER BY p.updated_at DESC",
        (tag,),
    )


def page_index(order_sql: str):
    return _query("SELECT title, updated_at FROM pages ORDER BY " + order_sql)


def all_titles():
    return [r["title"] for r in _query("SELECT title FROM pages")]


def get_account(username: str):
    rows = _query("SELECT username, password_hash, spaces FROM accounts WHERE username = ?", (username,))
    return rows[0] if rows else None


def create_account(username: str, password_hash: str) -> None:
    _write("INSERT INTO accounts (username, password_hash, spaces) VALUES (?, ?, 'home')", (username, password_hash))


def save_token(username: str, token: str) -> None:
    _write("INSERT INTO api_tokens (username, token) VALUES (?, ?)", (username, token))
