"""Async data access on SQLite."""

from __future__ import annotations

from typing import Any

import aiosqlite

from . import settings

EVENT_COLUMNS = "id, title, venue, starts_at, seats_left"


async def connect() -> aiosqlite.Connection:
    db = await aiosqlite.connect(settings.DB_PATH)
    db.row_factory = aiosqlite.Row
    return db


async def events_where(db: aiosqlite.Connection, clause: str) -> list[dict[str, Any]]:
    sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE {clause} ORDER BY starts_at"
    async with db.execute(sql) as cursor:
        return [dict(row) for row in await cursor.fetchall()]


async def event(db: aiosqlite.Connection, event_id: int) -> dict[str, Any] | None:
    async with db.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,)) as cursor:
        row = await cursor.fetchone()
    return dict(row) if row else None


async def order(db: aiosqlite.Connection, order_id: int) -> dict[str, Any] | None:
    async with db.execute("SELECT id, email, total, event_id FROM orders WHERE id = ?", (order_id,)) as cur:
        row = await cur.fetchone()
    return dict(row) if row else None


async def save_ticket(db: aiosqlite.Connection, event_id: int, email: str, code: str) -> None:
    await db.execute(
        "INSERT INTO tickets (event_id, email, code) VALUES (?, ?, ?)", (event_id, email, code)
    )
    await db.commit()


async def halls(db: aiosqlite.Connection) -> list[str]:
    async with db.execute("SELECT name FROM halls ORDER BY name") as cursor:
        return [row[0] for row in await cursor.fetchall()]


async def kiosk_for_pairing(db: aiosqlite.Connection, pairing_code: str) -> str | None:
    async with db.execute("SELECT name FROM kiosks WHERE pairing_code = ? AND paired_at IS NULL", (pairing_code,)) as cursor:
        row = await cursor.fetchone()
    return row[0] if row else None


async def upcoming(db: aiosqlite.Connection, limit: int = 30) -> list[dict[str, Any]]:
    sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE starts_at > datetime('now') ORDER BY starts_at LIMIT ?"
    async with db.execute(sql, (limit,)) as cursor:
        return [dict(row) for row in await cursor.fetchall()]
