"""Client for the PayLink payment gateway."""
from __future__ import annotations

import logging
from urllib.parse import urlparse

import requests

from . import settings

log = logging.getLogger(__name__)
TIMEOUT = 8


class GatewayError(RuntimeError):
    pass


def fetch_status(status_url: str) -> dict:
    """Follow the status link PayLink hands back after a redirect-based payment."""
    resp = requests.get(status_url, timeout=TIMEOUT)
    if resp.status_code != 200:
        raise GatewayError(f"gateway answered {resp.status_code}")
    return resp.json()


def is_gateway_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname in settings.PAYMENT_HOSTS
