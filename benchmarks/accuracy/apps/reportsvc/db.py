"""SQLAlchemy engine and session handling."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import TextClause

from . import settings

engine = create_engine(settings.DATABASE_URL, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, autoflush=False)


def get_session() -> Iterator[Session]:
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


def rows(session: Session, stmt: TextClause, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    result = session.execute(stmt, params or {})
    return [dict(r._mapping) for r in result]
