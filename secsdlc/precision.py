"""A rule's measured precision, and what a low one does to its findings' severity.

Precision is the share of a rule's findings that are true on the labelled corpora and the clean
projects' triage, in GitHub code scanning's bands (`very-high`, `high`, `medium`, `low`),
measured by benchmarks/rule_precision.py. The pack's rules carry it in their metadata; bandit's
checks and the secrets scanner's rules in `measured-precision.json` beside this module, which the
same script writes. A finding of a low-precision rule is reported, but at most at medium, unless
the scanner's `full-severity` option (from the trusted configuration in enforce mode) names the
rule.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from secsdlc.model import Finding, Severity

PRECISIONS = ("very-high", "high", "medium", "low")
TABLE = Path(__file__).with_name("measured-precision.json")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
    return doc


def measured(scanner: str, rule_id: str) -> str:
    """The band measured for a rule of a scanner other than semgrep; "" when never measured."""
    entry = _table().get(scanner, {}).get(rule_id)
    return str(entry["precision"]) if isinstance(entry, dict) else ""


def digest() -> str:
    """Keys cached results: another measurement may cap other findings."""
    return hashlib.sha256(TABLE.read_bytes()).hexdigest()


def cap(finding: Finding, precision: str, *, full_severity: frozenset[str],
        option: str) -> Finding:
    """A finding of a low-precision rule at most at medium, unless `full_severity` names it."""
    if precision != "low" or finding.severity.rank <= Severity.MEDIUM.rank \
            or finding.rule_id in full_severity:
        return finding
    # reported, but a rule that is mostly wrong does not block on its own
    return replace(finding, severity=Severity.MEDIUM, properties={
        **finding.properties,
        "capped": f"{finding.severity.value} lowered to medium: the rule's measured precision "
                  f"is low ({option} keeps it)"})
