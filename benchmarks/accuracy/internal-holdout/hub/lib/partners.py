"""Outbound HTTP to partners."""
from __future__ import annotations

import logging
from typing import Any

import aiohttp

log = logging.getLogger(__name__)


class PartnerClient:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def get(self, url: str) -> bytes:
        async with self.session.get(url, timeout=aiohttp.ClientTimeout(total=20)) as resp:
            resp.raise_for_status()
            return await resp.read()

    async def post_json(self, url: str, payload: dict[str, Any]) -> int:
        async with self.session.post(url, json=payload, timeout=aiohttp.ClientTimeout(total=10)) as resp:
            log.info("partner call %s -> %s", url, resp.status)
            return resp.status
