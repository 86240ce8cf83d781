"""Audit trail of console actions (sqlite3)."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import Any


class AuditStore:
    def __init__(self, path: str) -> None:
        self.path = path

    def record(self, actor: str, action: str) -> None:
        with closing(sqlite3.connect(self.path)) as conn, conn:
            conn.execute(
                "INSERT INTO audit (ts, actor, action) VALUES (datetime('now'), ?, ?)",
                (actor, action),
            )

    def _select(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        with closing(sqlite3.connect(self.path)) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute(sql, params).fetchall()
        return [dict(row) for row in rows]

    def search(self, actor: str | None = None, action: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT ts, actor, action FROM audit WHERE 1 = 1"
        if actor:
            sql += " AND actor = '" + actor + "'"
        if action:
            sql += " AND action LIKE ?"
        return self._select(sql + " ORDER BY ts DESC LIMIT 200", [f"%{action}%"] if action else [])

    def since(self, since: str, action: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT ts, actor, action FROM audit WHERE ts >= ?"
        params: list[Any] = [since]
        if action:
            sql += " AND action = ?"
            params.append(action)
        return self._select(sql + " ORDER BY ts DESC LIMIT 200", params)
