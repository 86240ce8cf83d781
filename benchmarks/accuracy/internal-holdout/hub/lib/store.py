"""Delivery log in sqlite."""
from __future__ import annotations

from typing import Any

import aiosqlite

from hub import config


async def query(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    async with aiosqlite.connect(config.DB_PATH) as db:
        async with db.execute(sql, params) as cur:
            return list(await cur.fetchall())
