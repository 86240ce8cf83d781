"""Gates that need the policy or the correspondents: per-directory severity and release sign-off."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from secsdlc.gate.interface import Blocking, Verdict
from secsdlc.gate.policy import Rules
from secsdlc.model import Finding, ScanResult, Severity

MAX_LISTED = 20


@dataclass(frozen=True)
class PathSeverityGate:
    """Fails on an unsuppressed finding at or above the fail-on that applies where it is."""

    rules_at: Callable[[str], Rules]
    # fingerprint -> why the waivers on file for it did not apply, to explain a blocked finding
    waiver_rejections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    name: str = "severity"

    def evaluate(self, result: ScanResult) -> Verdict:
        fail_on: dict[str, Severity] = {}
        blocking: list[Finding] = []
        for f in result.findings:
            if f.suppressed or f.baseline_state in ("unchanged", "absent"):
                continue
            path = f.location.path
            if path not in fail_on:
                fail_on[path] = self.rules_at(path).fail_on
            if f.severity.at_least(fail_on[path]):
                blocking.append(f)
        if not blocking:
            return Verdict(passed=True, gate=self.name)
        reasons = [f"{len(blocking)} finding(s) at or above the policy's fail-on"]
        for f in blocking[:MAX_LISTED]:
            line = (f"{f.severity.value} {f.rule_id} at {f.location.path}:{f.location.start_line}"
                    f" (fail-on {fail_on[f.location.path].value})")
            why = self.waiver_rejections.get(f.fingerprint)
            if why:
                line += "; not waived: " + "; ".join(why)
            reasons.append(line)
        if len(blocking) > MAX_LISTED:
            reasons.append(f"... and {len(blocking) - MAX_LISTED} more")
        return Verdict(passed=False, gate=self.name, reasons=tuple(reasons), blocking=tuple(
            Blocking(finding=f, fail_on=fail_on[f.location.path]) for f in blocking))


@dataclass(frozen=True)
class SignoffGate:
    """Passes only on a valid release sign-off of HEAD and today's open findings.

    `check` is the whole decision (verification needs the registry and git, done by the caller);
    a sign-off that could not be checked is an error verdict, which fails closed.
    """

    check: Callable[[ScanResult], tuple[list[str], bool]]  # -> (reasons, could_not_check)
    name: str = "signoff"

    def evaluate(self, result: ScanResult) -> Verdict:
        reasons, error = self.check(result)
        return Verdict(passed=not reasons, gate=self.name, reasons=tuple(reasons), error=error)
