"""PostgreSQL access through a small connection pool."""

from __future__ import annotations

import contextlib
import os
from typing import Any, Iterator

import psycopg2
import psycopg2.extras
from psycopg2.pool import ThreadedConnectionPool

_pool = ThreadedConnectionPool(1, 8, dsn=os.environ.get("STOCKROOM_DSN", "dbname=stockroom"))


@contextlib.contextmanager
def cursor() -> Iterator[Any]:
    conn = _pool.getconn()
    try:
        with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
    finally:
        _pool.putconn(conn)


def fetch_all(sql: str, params: tuple[Any, ...] | None = None) -> list[dict[str, Any]]:
    with cursor() as cur:
        cur.execute(sql, params)
        return list(cur.fetchall())


def execute(sql: str, params: tuple[Any, ...]) -> None:
    with cursor() as cur:
        cur.execute(sql, params)
