"""Access to the analytics warehouse through SQLAlchemy Core."""
from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import create_engine, text

from dataapi.config import settings

log = logging.getLogger(__name__)
engine = create_engine(settings.warehouse_url, pool_pre_ping=True)


class QueryBuilder:
    """Small helper that assembles SELECTs with named bind parameters."""

    def __init__(self, table: str, columns: tuple[str, ...]) -> None:
        self.table = table
        self.columns = columns
        self.clauses: list[str] = []
        self.params: dict[str, Any] = {}

    def where(self, column: str, value: Any) -> "QueryBuilder":
        name = f"p{len(self.params)}"
        self.clauses.append(f"{column} = :{name}")
        self.params[name] = value
        return self

    def sql(self, limit: int = 1000) -> str:
        stmt = f"SELECT {', '.join(self.columns)} FROM {self.table}"
        if self.clauses:
            stmt += " WHERE " + " AND ".join(self.clauses)
        return stmt + f" LIMIT {int(limit)}"


def run(sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        result = conn.execute(text(sql), params or {})
        return [dict(r._mapping) for r in result]
