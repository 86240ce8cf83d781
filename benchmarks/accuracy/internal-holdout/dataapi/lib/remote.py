"""Fetching datasets published by other teams."""
from __future__ import annotations

import io
import logging

import httpx
import pandas as pd

log = logging.getLogger(__name__)


def read_csv_url(url: str) -> pd.DataFrame:
    with httpx.Client(timeout=30, follow_redirects=False) as client:
        resp = client.get(url)
        resp.raise_for_status()
    return pd.read_csv(io.BytesIO(resp.content))
