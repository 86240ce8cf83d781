"""Outbound HTTP used by the integration endpoints."""
import logging

import requests

log = logging.getLogger(__name__)
USER_AGENT = "shop-integrations/2.3"


def fetch(url: str, timeout: float = 5.0) -> bytes:
    log.debug("GET %s", url)
    resp = requests.get(url, timeout=timeout, headers={"User-Agent": USER_AGENT})
    resp.raise_for_status()
    return resp.content
