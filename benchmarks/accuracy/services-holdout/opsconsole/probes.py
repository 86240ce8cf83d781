"""HTTP probes against internal services (urllib, no third-party client on the ops host)."""
from __future__ import annotations

import json
import logging
import urllib.request
from typing import Any

log = logging.getLogger("opsconsole.probes")


def probe(url: str, timeout: float = 5.0) -> dict[str, Any]:
    req = urllib.request.Request(url, headers={"User-Agent": "opsconsole-probe"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        body = resp.read(65536)
        return {"status": resp.status, "bytes": len(body)}


def post_json(url: str, payload: dict[str, Any], timeout: float = 5.0) -> int:
    data = json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.status
