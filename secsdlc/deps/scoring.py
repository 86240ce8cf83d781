"""Severity of an advisory: CVSS base score from its vectors, else its own rating, else high.

The base score is computed by the `cvss` library (Red Hat's implementation of the FIRST
specifications) rather than re-implemented; the newest CVSS version present wins, as it is the
one the publisher maintains.
"""

from __future__ import annotations

from dataclasses import dataclass

from cvss import CVSS2, CVSS3, CVSS4  # type: ignore[import-untyped]
from cvss.exceptions import CVSSError  # type: ignore[import-untyped]

from secsdlc.model import Severity

# GHSA's database_specific.severity words and the OSV ecosystem_specific variants.
_RECORD_WORDS = {
    "critical": Severity.CRITICAL,
    "high": Severity.HIGH,
    "important": Severity.HIGH,
    "moderate": Severity.MEDIUM,
    "medium": Severity.MEDIUM,
    "low": Severity.LOW,
}


@dataclass(frozen=True, kw_only=True)
class Score:
    severity: Severity
    score: float | None  # CVSS base score, None when no vector could be scored
    vector: str = ""
    source: str = "default"  # "cvss", "record" or "default"


def vector_score(vector: str) -> float:
    """Base score of a CVSS v2, v3.x or v4 vector; ValueError when it is malformed."""
    vector = vector.strip()
    try:
        if vector.startswith("CVSS:4"):
            return float(CVSS4(vector).base_score)
        if vector.startswith("CVSS:3"):
            return float(CVSS3(vector).base_score)
        return float(CVSS2(vector).base_score)
    except CVSSError as e:
        raise ValueError(f"malformed CVSS vector {vector!r}: {e}") from e


def _version_rank(vector: str) -> int:
    if vector.startswith("CVSS:4"):
        return 4
    if vector.startswith("CVSS:3"):
        return 3
    return 2


def score(vectors: tuple[str, ...], record_severity: str = "") -> Score:
    """Severity from the best vector; a malformed vector falls through to the next source."""
    for vector in sorted(vectors, key=_version_rank, reverse=True):
        try:
            value = vector_score(vector)
        except ValueError:
            continue
        return Score(severity=Severity.from_score(value), score=value, vector=vector, source="cvss")
    word = _RECORD_WORDS.get(record_severity.strip().lower())
    if word is not None:
        return Score(severity=word, score=None, source="record")
    # a known vulnerability with no rating is assumed serious (pip-audit fails on any known
    # vulnerability): `medium` would let it pass the default fail-on
    return Score(severity=Severity.HIGH, score=None, source="default")
