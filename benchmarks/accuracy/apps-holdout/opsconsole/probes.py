"""HTTP health probes."""
from __future__ import annotations

import aiohttp

from . import settings


async def http_check(url: str) -> tuple[int, str]:
    """GET ``url`` and return the status and the start of the body."""
    timeout = aiohttp.ClientTimeout(total=settings.PROBE_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(url, allow_redirects=False) as response:
            body = await response.text(errors="replace")
    return response.status, body[:1000]
