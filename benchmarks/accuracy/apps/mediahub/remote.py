"""HTTP client for imports from remote storage and oEmbed providers."""
from __future__ import annotations

import aiohttp

MAX_BYTES = 500 * 1024 * 1024


async def download(url: str) -> bytes:
    timeout = aiohttp.ClientTimeout(total=300)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(url) as resp:
            resp.raise_for_status()
            return await resp.content.read(MAX_BYTES)


async def get_json(url: str, params: dict[str, str]) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(url, params=params) as resp:
            return await resp.json(content_type=None)
