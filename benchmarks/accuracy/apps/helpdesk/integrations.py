"""Outgoing notifications and avatar lookups."""
from __future__ import annotations

import logging
from urllib.parse import urlparse

import requests

from . import conf

log = logging.getLogger(__name__)


def send_webhook(url: str, payload: dict) -> int:
    resp = requests.post(url, json=payload, timeout=5)
    log.info("webhook answered %s", resp.status_code)
    return resp.status_code


def webhook_allowed(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname in conf.WEBHOOK_HOSTS


def download_avatar(url: str) -> bytes:
    resp = requests.get(url, timeout=5, stream=True)
    resp.raise_for_status()
    return resp.raw.read(512 * 1024)
