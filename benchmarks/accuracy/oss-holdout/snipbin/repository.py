"""SQLite storage for pastes, links and users."""
import sqlite3
import time
from typing import Iterable, Optional

from .config import settings

PASTE_FIELDS = "id, title, language, content, created_at, expires_at, password_hash, private"


class PasteRepository:
    def __init__(self, path: str = settings.database):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row

    def _select(self, where: str, params: Iterable = (), order: str = "created_at DESC", limit: int = 50):
        sql = f"SELECT {PASTE_FIELDS} FROM pastes WHERE {where} ORDER BY {order} LIMIT {limit}"
        return self.conn.execute(sql, tuple(params)).fetchall()

    def get(self, paste_id: str) -> Optional[sqlite3.Row]:
        rows = self._select("id = ? AND (expires_at IS NULL OR expires_at > ?)", (paste_id, time.time()), limit=1)
        return rows[0] if rows else None

    def recent(self, limit: int):
        return self._select("private = 0", limit=limit)

    def by_language(self, language: str):
        return self._select(f"private = 0 AND language = '{language}'")

    def search(self, table: str, column: str, term: str):
        sql = f"SELECT * FROM {table} WHERE {column} LIKE ? LIMIT 100"
        return self.conn.execute(sql, (f"%{term}%",)).fetchall()

    def insert(self, paste_id: str, data: dict) -> None:
        self.conn.execute(
            "INSERT INTO pastes (id, title, language, content, created_at, expires_at, password_hash, private) "
            "VALUES (:id, :title, :language, :content, :created_at, :expires_at, :password_hash, :private)",
            {"id": paste_id, "created_at": time.time(), **data},
        )
        self.conn.commit()

    def set_expiry(self, paste_id: str, expires_at: float) -> None:
        self.conn.execute("UPDATE pastes SET expires_at = ? WHERE id = ?", (expires_at, paste_id))
        self.conn.commit()

    def link_target(self, code: str) -> Optional[str]:
        row = self.conn.execute("SELECT target FROM links WHERE code = ?", (code,)).fetchone()
        return row["target"] if row else None

    def save_api_key(self, owner: str, key: str) -> None:
        self.conn.execute("INSERT INTO api_keys (owner, key) VALUES (?, ?)", (owner, key))
        self.conn.commit()


repo = PasteRepository()
