"""Host and URL checks."""
import logging
import os
import subprocess
import time

import requests
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

log = logging.getLogger("statuswatch.checks")

USER_AGENT = "statuswatch/0.6"


async def http_check(url: str, timeout: float = 10.0) -> dict:
    client = AsyncHTTPClient()
    started = time.monotonic()
    resp = await client.fetch(HTTPRequest(url, request_timeout=timeout, user_agent=USER_AGENT), raise_error=False)
    return {"url": url, "code": resp.code, "ms": round((time.monotonic() - started) * 1000)}


def post_json(url: str, payload: dict) -> int:
    resp = requests.post(url, json=payload, timeout=5, headers={"User-Agent": USER_AGENT})
    return resp.status_code


def ping(host: str, count: int = 3) -> dict:
    proc = subprocess.run(f"ping -c {count} -W 2 {host}", shell=True, capture_output=True, text=True, timeout=30)
    return {"host": host, "up": proc.returncode == 0, "output": proc.stdout[-2000:]}


def dig(query: str) -> list:
    with os.popen("dig +short %s" % query) as pipe:
        return [line.strip() for line in pipe.read().splitlines() if line.strip()]
