"""Hand-written SQL for the searches the ORM expresses badly."""
from __future__ import annotations

from typing import Any, Sequence

from django.db import connection


def fetch_all(sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
    """Run ``sql`` and return the rows as dictionaries."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [col[0] for col in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def search_titles(terms: list[str]) -> list[dict[str, Any]]:
    """Pages whose title contains every term."""
    where = " AND ".join(f"p.title ILIKE '%{term}%'" for term in terms)
    sql = (
        "SELECT p.id, p.slug, p.title, s.slug AS space FROM wikidesk_page p "
        "JOIN wikidesk_space s ON s.id = p.space_id "
        f"WHERE {where} ORDER BY p.updated DESC LIMIT 50"
    )
    return fetch_all(sql)


def search_bodies(terms: list[str]) -> list[dict[str, Any]]:
    """Pages whose body contains every term."""
    where = " AND ".join("p.body ILIKE %s" for _ in terms)
    sql = (
        "SELECT p.id, p.slug, p.title, s.slug AS space FROM wikidesk_page p "
        "JOIN wikidesk_space s ON s.id = p.space_id "
        f"WHERE {where} ORDER BY p.updated DESC LIMIT 50"
    )
    return fetch_all(sql, [f"%{term}%" for term in terms])
