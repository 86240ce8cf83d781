"""Outbound HTTP for supplier feeds and image previews."""
from __future__ import annotations

import logging

import httpx

log = logging.getLogger(__name__)
TIMEOUT = httpx.Timeout(10.0, connect=3.0)


async def fetch(url: str, max_bytes: int = 5_000_000) -> bytes:
    async with httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False) as client:
        resp = await client.get(url)
        resp.raise_for_status()
        log.info("fetched %d bytes", len(resp.content))
        return resp.content[:max_bytes]
