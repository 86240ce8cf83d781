"""Outgoing HTTP: importing pastes from URLs and unfurling short links."""
import re

import httpx
import requests

from .config import settings

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
USER_AGENT = "snipbin-fetcher/1.2 (+https://github.com/snipbin/snipbin)"


def fetch_text(url: str, limit: int = settings.max_paste_bytes) -> str:
    with httpx.Client(follow_redirects=False, timeout=10, headers={"User-Agent": USER_AGENT}) as client:
        resp = client.get(url)
        resp.raise_for_status()
        return resp.text[:limit]


def page_title(url: str) -> str:
    resp = requests.get(url, timeout=5, headers={"User-Agent": USER_AGENT}, allow_redirects=False)
    match = TITLE_RE.search(resp.text[:65536])
    return match.group(1).strip() if match else url


def oembed(url: str) -> dict:
    resp = requests.get(settings.oembed_endpoint, params={"url": url}, timeout=5, headers={"User-Agent": USER_AGENT})
    return resp.json()
