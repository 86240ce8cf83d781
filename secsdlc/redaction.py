"""Keeping secrets out of what secsdlc writes: every report, snippet and fingerprint basis.

The engine masks the values a secrets scanner found wherever any scanner quotes them; the secrets
scanner masks its own snippets the same way.
"""

from __future__ import annotations

import re

MASK = "<redacted>"
# CWEs whose findings are about a credential in the code: their literals are masked even when no
# secrets scanner ran, because bandit quotes the password it found in its message.
CREDENTIAL_CWES = frozenset({259, 321, 522, 798})
_LITERAL = re.compile(r"""(?P<q>['"])(?:(?!(?P=q)).){1,400}(?P=q)""")


def redact_text(text: str, values: set[str] | frozenset[str]) -> str:
    """Replace every occurrence of every value (longest first, so parts never survive)."""
    for value in sorted(values, key=len, reverse=True):
        if value and value in text:
            text = text.replace(value, MASK)
    return text


def literals(text: str) -> set[str]:
    """The contents of the string literals quoted in `text`."""
    return {m.group(0)[1:-1] for m in _LITERAL.finditer(text)}


def mask_literals(text: str) -> str:
    return _LITERAL.sub(lambda m: m.group("q") + MASK + m.group("q"), text)
