"""What SARIF's values mean to secsdlc: the one severity table, CWE parser, OWASP reading,
URI-to-path rule and time parser, used by every reading of SARIF (`secsdlc.sarif.reader`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any
from urllib.parse import unquote, urlparse

from secsdlc.model import Severity

LEVEL_SEVERITY = {"error": Severity.HIGH, "warning": Severity.MEDIUM, "note": Severity.LOW,
                  "none": Severity.INFO}
# SARIF's level for a result that states none and whose rule sets no default
DEFAULT_LEVEL = "warning"
_CWE_RE = re.compile(r"\bcwe[-_/: ]*0*(\d{1,5})\b", re.IGNORECASE)
_OWASP_RE = re.compile(r"\bA(\d{2})[:\-_ ]?(20\d\d)\b", re.IGNORECASE)
_SEVERITIES = {s.value: s for s in Severity}


class BadSeverity(ValueError):
    """A level or score that means nothing; `field` is where, relative to the result."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


def severity(props: Mapping[str, Any], rule_props: Mapping[str, Any],
             level: str | None) -> tuple[Severity, str]:
    """A result's severity, and what was guessed to get it ("" when nothing was).

    Ours (`severity`, of the result or its rule), else a CVSS-like `security-severity` (same
    order), else the level (the result's, else its rule's default). BadSeverity: an unknown
    level, a score that is not 0-10.
    """
    if level is not None and level not in LEVEL_SEVERITY:
        raise BadSeverity("level", f"must be none, note, warning or error, got {level!r}")
    for bag in (props, rule_props):
        ours = bag.get("severity")
        named = _SEVERITIES.get(ours.strip().lower()) if isinstance(ours, str) else None
        if named is not None:
            return named, ""
    for field, bag in (("properties", props), ("rule.properties", rule_props)):
        score = bag.get("security-severity")
        if score is None:
            continue
        try:
            value = float(score)
        except (TypeError, ValueError):
            raise BadSeverity(f"{field}.security-severity",
                              f"must be a number 0-10, got {score!r}") from None
        if not 0.0 <= value <= 10.0:
            raise BadSeverity(f"{field}.security-severity", f"must be 0-10, got {value}")
        return Severity.from_score(value), ""
    if level is None:
        return LEVEL_SEVERITY[DEFAULT_LEVEL], (
            f"no level, severity or security-severity: taken as "
            f"{LEVEL_SEVERITY[DEFAULT_LEVEL].value} (SARIF's default level {DEFAULT_LEVEL})")
    return LEVEL_SEVERITY[level], ""


def strings(value: Any) -> list[str]:
    """The strings (and numbers) of a property value that is one or a list of them."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int)) and not isinstance(v, bool)]
    return []


def cwes(*bags: Mapping[str, Any]) -> tuple[int, ...]:
    """CWE ids from property bags: `cwe`/`cwes` ("79", "CWE-79: ...") and tags
    ("external/cwe/cwe-79", as CodeQL and semgrep write them)."""
    found: set[int] = set()
    for bag in bags:
        for key in ("cwe", "cwes", "CWE"):
            for item in strings(bag.get(key)):
                if item.isdigit():
                    found.add(int(item))
                found.update(_cwes_in(item))
        for tag in strings(bag.get("tags")):
            found.update(_cwes_in(tag))
    return tuple(sorted(found))


# A large SARIF repeats the same few CWE and OWASP texts in every result: each is read once.
@functools.lru_cache(maxsize=4096)
def _cwes_in(text: str) -> tuple[int, ...]:
    return tuple(int(m) for m in _CWE_RE.findall(text))


@functools.lru_cache(maxsize=4096)
def _owasp_in(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(_OWASP_RE.findall(text))


def owasp_ids(*bags: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """OWASP Top 10 ids (2025, 2021) the property bags name ("A03:2021 - Injection", tags)."""
    y2025: set[str] = set()
    y2021: set[str] = set()
    for bag in bags:
        for key in ("owasp", "owasp_2025", "owasp_2021", "tags"):
            for item in strings(bag.get(key)):
                for num, year in _owasp_in(item):
                    {"2025": y2025, "2021": y2021}.get(year, set()).add(f"A{num}:{year}")
    return tuple(sorted(y2025)), tuple(sorted(y2021))


def uri_path(uri: str) -> str:
    """An artifact URI as a path: a file URI stands for itself, a relative one is under the root."""
    path = unquote(urlparse(uri).path) if uri.startswith("file:") else unquote(uri)
    return path[2:] if path.startswith("./") else path


def parse_time(text: str) -> datetime:
    """ISO 8601 to naive UTC; a date or a time without offset is taken as UTC."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value
