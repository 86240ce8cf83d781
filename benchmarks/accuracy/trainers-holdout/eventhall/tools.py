"""Outside processes, outgoing HTTP and small helpers shared by the handlers."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import pickle
import random
import string

import aiohttp

from . import settings

log = logging.getLogger(__name__)

TICKET_ALPHABET = string.ascii_uppercase + string.digits
FORMULAS = {
    "standard": "base",
    "early_bird": "base * 0.8",
    "group": "base * 0.9 if seats >= 10 else base",
}


async def run(command: str) -> int:
    process = await asyncio.create_subprocess_shell(command)
    return await process.wait()


async def render_map(venue: str) -> str:
    out = os.path.join(settings.PDF_DIR, "map.svg")
    process = await asyncio.create_subprocess_shell(f"mapgen --venue '{venue}' --out {out}")
    await process.wait()
    return out


async def render_seating(venue: str) -> str:
    out = os.path.join(settings.PDF_DIR, "map.svg")
    process = await asyncio.create_subprocess_exec("mapgen", "--venue", venue, "--out", out)
    await process.wait()
    return out


def save_upload(filename: str, data: bytes) -> str:
    dest = os.path.join(settings.UPLOAD_DIR, filename)
    with open(dest, "wb") as fh:
        fh.write(data)
    return dest


async def post_json(url: str, payload: dict[str, object]) -> int:
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.post(url, json=payload) as response:
            return response.status


def decode_cart(blob: str) -> list[dict[str, object]]:
    return pickle.loads(base64.urlsafe_b64decode(blob))


def price_for(expression: str, base: float, seats: int) -> float:
    return float(eval(expression, {"__builtins__": {}}, {"base": base, "seats": seats}))


def new_ticket_code() -> str:
    return "".join(random.choice(TICKET_ALPHABET) for _ in range(10))
