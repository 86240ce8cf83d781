"""Outbound HTTP: webhooks, the payment gateway and asset downloads."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import requests

log = logging.getLogger(__name__)


@dataclass
class WebhookTarget:
    url: str
    secret: str = ""


class OutboundClient:
    def __init__(self, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "billing-api/2.3"

    def post_json(self, url: str, payload: dict[str, Any]) -> int:
        resp = self.session.post(url, json=payload, timeout=self.timeout)
        log.info("outbound POST answered %s", resp.status_code)
        return resp.status_code

    def get_bytes(self, url: str, limit: int = 2_000_000) -> bytes:
        resp = self.session.get(url, timeout=self.timeout, stream=True)
        resp.raise_for_status()
        return resp.raw.read(limit)
