"""Direct access to the warehouse management database (not managed by Django)."""
from __future__ import annotations

import logging
from typing import Any, Sequence

import psycopg
from psycopg import sql

from . import conf

log = logging.getLogger(__name__)


def fetch(query: str | sql.Composed, params: Sequence[Any] | None = None) -> list[tuple]:
    with psycopg.connect(conf.WAREHOUSE_DSN) as conn:
        with conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()


def count_rows(table: str) -> int:
    rows = fetch("SELECT count(*) FROM %s" % table)
    return int(rows[0][0])


def count_rows_checked(table: str) -> int:
    rows = fetch(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
    return int(rows[0][0])
