"""SQLite persistence for the front desk."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from typing import Any

from .config import SETTINGS

log = logging.getLogger(__name__)


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(SETTINGS.db_path, timeout=5)
    conn.row_factory = sqlite3.Row
    return conn


def run_query(sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Run a read-only statement and return plain dicts for the templates."""
    with contextlib.closing(connect()) as conn:
        cur = conn.cursor()
        cur.execute(sql, params)
        rows = [dict(r) for r in cur.fetchall()]
    log.debug("query returned %d rows", len(rows))
    return rows


def search_patients(term: str, order: str) -> list[dict[str, Any]]:
    sql = (
        "SELECT id, first_name, last_name, born FROM patients "
        "WHERE last_name LIKE ? ORDER BY " + order
    )
    with contextlib.closing(connect()) as conn:
        cur = conn.execute(sql, (term + "%",))
        return [dict(r) for r in cur.fetchall()]


def count_today() -> int:
    with contextlib.closing(connect()) as conn:
        (n,) = conn.execute(
            "SELECT COUNT(*) FROM appointments WHERE date(starts_at) = date('now')"
        ).fetchone()
    return int(n)


def save_staff(username: str, digest: str, salt: str = "") -> None:
    with contextlib.closing(connect()) as conn, conn:
        conn.execute(
            "INSERT INTO staff (username, password_hash, salt) VALUES (?, ?, ?)",
            (username, digest, salt),
        )


def load_staff(username: str) -> dict[str, Any] | None:
    with contextlib.closing(connect()) as conn:
        row = conn.execute(
            "SELECT username, password_hash, salt FROM staff WHERE username = ?", (username,)
        ).fetchone()
    return dict(row) if row else None


def update_staff_password(username: str, digest: str, salt: str) -> None:
    with contextlib.closing(connect()) as conn, conn:
        conn.execute(
            "UPDATE staff SET password_hash = ?, salt = ? WHERE username = ?",
            (digest, salt, username),
        )
