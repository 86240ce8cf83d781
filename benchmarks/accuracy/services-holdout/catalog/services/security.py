"""Hashing and token helpers."""
from __future__ import annotations

import hashlib
import re


def fingerprint(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def compile_filter(expression: str) -> re.Pattern[str]:
    return re.compile(expression, re.IGNORECASE)
