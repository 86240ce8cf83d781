"""The gate contract: a gate looks at a scan result and says pass or fail, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from secsdlc.model import Finding, ScanResult, Severity


@dataclass(frozen=True, kw_only=True)
class Blocking:
    """A finding that blocks, and the fail-on that applied where it is (policy, relaxations)."""

    finding: Finding
    fail_on: Severity


@dataclass(frozen=True, kw_only=True)
class Verdict:
    passed: bool
    gate: str
    reasons: tuple[str, ...] = ()
    # A verdict that failed because something could not be checked (a scanner failed, data was
    # missing), not because of findings: the CLI exits 2 for these, 1 for blocking findings.
    error: bool = False
    blocking: tuple[Blocking, ...] = ()


class Gate(Protocol):
    @property
    def name(self) -> str: ...

    def evaluate(self, result: ScanResult) -> Verdict: ...
