"""The basic gates and their combinators.

An empty AllOf fails: a policy that checks nothing must not read as a pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from secsdlc.gate.interface import Gate, Verdict
from secsdlc.model import NotificationKind, ScanResult


@dataclass(frozen=True)
class ScannersSucceededGate:
    """Fails closed when any scanner crashed, timed out or produced unusable output."""

    required: tuple[str, ...] = ()
    name: str = "scanners-succeeded"

    def evaluate(self, result: ScanResult) -> Verdict:
        reasons = [f"scanner {name} failed" for name in result.failed_scanners]
        if not result.runs:
            reasons.append("no scanner ran: the result holds no runs")
        ran = {run.tool.name for run in result.runs}
        reasons += [f"required scanner {name} did not run" for name in self.required
                    if name not in ran]
        reasons += [n.message for n in result.all_notifications if n.level == "error"
                    and (n.scanner is None or n.kind is NotificationKind.NOT_SCANNED)]
        return Verdict(passed=not reasons, gate=self.name, reasons=tuple(reasons),
                       error=bool(reasons))


@dataclass(frozen=True)
class AllOf:
    gates: Sequence[Gate]
    name: str = "all-of"

    def evaluate(self, result: ScanResult) -> Verdict:
        if not self.gates:
            return Verdict(passed=False, gate=self.name, reasons=("empty gate",), error=True)
        verdicts = [g.evaluate(result) for g in self.gates]
        failed = [v for v in verdicts if not v.passed]
        return Verdict(
            passed=not failed,
            gate=self.name,
            reasons=tuple(r for v in failed for r in v.reasons),
            error=any(v.error for v in failed),
            blocking=tuple(b for v in failed for b in v.blocking),
        )
