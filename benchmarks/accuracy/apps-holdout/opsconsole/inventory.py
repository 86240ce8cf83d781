"""Host inventory queries (PostgreSQL through asyncpg)."""
from __future__ import annotations

from typing import Any, Sequence

import asyncpg

from . import settings

_pool: asyncpg.Pool | None = None


async def get_pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(settings.DATABASE_DSN, min_size=1, max_size=5)
    return _pool


async def fetch_hosts(where: Sequence[str], args: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Hosts matching every condition in ``where``."""
    sql = "SELECT hostname, role, datacenter, last_seen FROM hosts"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY hostname LIMIT 200"
    pool = await get_pool()
    async with pool.acquire() as conn:
        rows = await conn.fetch(sql, *args)
    return [dict(row) for row in rows]
