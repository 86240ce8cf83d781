"""Fetching page titles and favicons for saved links."""

import logging
import re
from typing import Optional

import requests

from . import config

log = logging.getLogger(__name__)
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def _get(url: str, timeout: float = 6.0) -> requests.Response:
    return requests.get(url, timeout=timeout, headers={"User-Agent": config.USER_AGENT}, allow_redirects=True)


def fetch_title(url: str) -> Optional[str]:
    try:
        resp = _get(url)
    except requests.RequestException as exc:
        log.info("title fetch failed: %s", exc)
        return None
    m = TITLE_RE.search(resp.text[:200_000])
    return m.group(1).strip() if m else None


def fetch_icon(url: str) -> bytes:
    resp = requests.get(url, timeout=4)
    resp.raise_for_status()
    return resp.content


def notify(url: str, payload: dict) -> None:
    try:
        requests.post(url, json=payload, timeout=5)
    except requests.RequestException:
        log.warning("webhook delivery failed")
