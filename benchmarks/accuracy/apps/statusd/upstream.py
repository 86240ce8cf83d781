"""Fetch health and metrics from the services statusd watches."""
from __future__ import annotations

import json
import urllib.request
from urllib.error import URLError

USER_AGENT = "statusd/1.4"


def fetch(url: str, timeout: float = 3.0) -> tuple[int, bytes]:
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read(1_000_000)
    except URLError as exc:
        return 599, str(exc).encode()


def fetch_json(url: str) -> dict:
    status, body = fetch(url)
    return {"status": status, "body": json.loads(body) if status == 200 else None}
