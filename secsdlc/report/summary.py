"""Counts shared by every rendering, so text, markdown and JSON never disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from secsdlc.model import Finding, Severity


def by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = Counter(f.severity.value for f in findings if not f.suppressed)
    return {s.value: counts.get(s.value, 0) for s in Severity}


def by_owasp(findings: Iterable[Finding]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for f in findings:
        if not f.suppressed:
            counts.update(f.owasp_2025 or ("uncategorized",))
    return dict(sorted(counts.items()))


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.location.path,
                                           f.location.start_line, f.rule_id))
