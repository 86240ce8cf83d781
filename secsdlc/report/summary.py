"""Counts shared by every rendering, so text, markdown and JSON never disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from secsdlc.model import Finding, Severity


def by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = Counter(f.severity.value for f in findings
                     if not f.suppressed and f.baseline_state != "absent")
    return {s.value: counts.get(s.value, 0) for s in Severity}


def by_owasp(findings: Iterable[Finding]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for f in findings:
        if not f.suppressed and f.baseline_state != "absent":
            counts.update(f.owasp_2025 or ("uncategorized",))
    return dict(sorted(counts.items()))


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.location.path,
                                           f.location.start_line, f.rule_id))


def reportable(findings: Iterable[Finding]) -> list[Finding]:
    """What a person must look at: not suppressed, not pre-existing, not already fixed."""
    return [f for f in sorted_findings(findings) if not f.suppressed
            and f.baseline_state not in ("unchanged", "absent")]


def baseline_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = Counter(f.baseline_state for f in findings if f.baseline_state)
    return {state: counts.get(state, 0) for state in ("new", "unchanged", "absent")}
