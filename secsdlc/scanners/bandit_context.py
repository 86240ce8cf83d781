"""Where a bandit check cannot see the context that decides its severity.

Weak hashes (B324): the pack's weak-hash rules judge what the digest protects, so bandit's result,
which merges into theirs, is informational (on the accuracy corpora every B324 result is also
the pack's; on six mature projects 12 of its 15 were cache keys, ETags or HTTP Digest).

Trojan source (B613): a bidirectional control character can make code read differently from how
it runs. Locale data (Arabic, Persian, Hebrew date formats) holds right-to-left marks inside its
string literals, where they are the text itself: such a finding is lowered to low, with the
reason, and still reported. Only the marks (LRM, RLM, ALM): an embedding, override or isolate
inside a string can still carry the rest of the line out of it on screen (the "stretched
string" of the Trojan Source paper), so a line holding one keeps bandit's high wherever it is.
"""

from __future__ import annotations

import hashlib
import io
import tokenize
from dataclasses import replace
from pathlib import Path, PurePosixPath

from secsdlc.files import source_lines
from secsdlc.model import Finding, Severity

# bandit's B324 calls every MD5/SHA-1 high; the pack's weak-hash rules report the same calls with
# the severity their context deserves, and merged with them B324 would raise every cache key back
# to high.
_WEAK_HASH_REASON = ("secsdlc.python.crypto.weak-hash reports this call at high where the digest "
                     "protects a password, signature, token or key, and weak-hash-unclear-use at "
                     "medium elsewhere (cache keys, ETags, checksums, HTTP Digest)")
# The directories translations and locale formats live in.
_LOCALE_DIRS = frozenset({"locale", "locales", "i18n", "l10n", "translations"})
# f-strings' literal parts are their own tokens from Python 3.12 on
_TEXT_TOKENS = frozenset({tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)})
_MARKS = frozenset("\u061c\u200e\u200f")
_BIDI = _MARKS | frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def cache_key() -> str:
    """What keys bandit's cached results besides the file: the judgement is this module."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def adjust(finding: Finding, root: Path) -> Finding:
    if finding.rule_id == "B324" and finding.severity is not Severity.INFO:
        return replace(finding, severity=Severity.INFO, properties={
            **finding.properties, "downranked": f"bandit {finding.severity.value} lowered to "
            f"info: {_WEAK_HASH_REASON}"})
    if finding.rule_id == "B613" and _locale_data(finding.location.path):
        source = _read(root / finding.location.path)
        if source is not None and _bidi_only_in_strings(source, finding.location.start_line):
            reason = ("bandit high lowered to low: the bidirectional characters on this line "
                      "are inside string literals of locale data, where they are the text, "
                      "not a way to disguise code")
            return replace(finding, severity=Severity.LOW,
                           properties={**finding.properties, "downranked": reason})
    return finding


def _locale_data(path: str) -> bool:
    return any(part.lower() in _LOCALE_DIRS for part in PurePosixPath(path).parts[:-1])


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _bidi_only_in_strings(source: str, line: int) -> bool:
    """Every bidirectional character of `line` (1-based) is a mark inside a string literal
    token."""
    lines = source_lines(source)
    if not 0 < line <= len(lines):
        return False
    columns = [i for i, ch in enumerate(lines[line - 1]) if ch in _BIDI]
    if not columns or any(lines[line - 1][i] not in _MARKS for i in columns):
        return False
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    strings = [t for t in tokens if t.type in _TEXT_TOKENS
               and t.start[0] <= line <= t.end[0]]
    return all(any(_covers(t, line, col) for t in strings) for col in columns)


def _covers(token: tokenize.TokenInfo, line: int, col: int) -> bool:
    after_start = (line, col) >= token.start
    before_end = (line, col) < token.end
    return after_start and before_end
