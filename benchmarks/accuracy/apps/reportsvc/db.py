"""Data sources: the sales warehouse (SQLAlchemy) and the PIM catalogue export (XML)."""
from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from lxml import etree
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


@functools.lru_cache(maxsize=1)
def catalog_tree() -> etree._ElementTree:
    return etree.parse(settings.CATALOG_XML, etree.XMLParser(resolve_entities=False, no_network=True))


def catalog_select(expr: str, **variables: str) -> list[dict[str, str]]:
    nodes = catalog_tree().xpath(expr, **variables)
    return [{"sku": n.get("sku", ""), "name": n.findtext("name", "")} for n in nodes]
