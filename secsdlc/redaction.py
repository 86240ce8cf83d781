"""Keeping secrets out of what secsdlc writes: every report, snippet and fingerprint basis.

The engine masks the values a secrets scanner found wherever any scanner quotes them; the secrets
scanner masks its own snippets the same way.
"""

from __future__ import annotations

MASK = "<redacted>"


def redact_text(text: str, values: set[str] | frozenset[str]) -> str:
    """Replace every occurrence of every value (longest first, so parts never survive)."""
    for value in sorted(values, key=len, reverse=True):
        if value and value in text:
            text = text.replace(value, MASK)
    return text
