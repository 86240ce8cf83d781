"""Remediation policy for the metrics: SLA days per severity (and per directory), fail-on.

The values come from the gate's policy as code (`[policy]`, see secsdlc.gate.policy) so that the
SLA a dashboard reports is the one the gate enforces. Directory overrides apply tighten-only here:
a relaxation is honoured only by the gate, which verifies its signature.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from secsdlc.config import Config
from secsdlc.model import Severity

DEFAULT_SLA_DAYS: Mapping[Severity, int] = {
    Severity.CRITICAL: 7,
    Severity.HIGH: 30,
    Severity.MEDIUM: 90,
    Severity.LOW: 180,
}
EXPIRING_WITHIN_DAYS = 30


@dataclass(frozen=True, kw_only=True)
class Policy:
    sla_days: Mapping[Severity, int] = field(default_factory=lambda: dict(DEFAULT_SLA_DAYS))
    fail_on: Severity = Severity.HIGH
    project: str = ""  # the policy's project name, a default for `history record`
    expiring_within_days: int = EXPIRING_WITHIN_DAYS
    # SLA days at a path when directory overrides exist; None: `sla_days` everywhere.
    sla_days_at: Callable[[str], Mapping[Severity, int]] | None = None

    def sla_for(self, severity: Severity, path: str = "") -> int | None:
        days = self.sla_days_at(path) if self.sla_days_at is not None and path else self.sla_days
        return days.get(severity)


def from_config(config: Config) -> Policy:
    """The policy of a loaded Config; raises ConfigError naming the file and key."""
    from secsdlc.gate import policy as gate_policy

    loaded = gate_policy.load(config)
    fail_on = loaded.fail_on or config.fail_on
    sla_days_at = None
    if loaded.overrides:

        def sla_days_at(path: str) -> Mapping[Severity, int]:
            return loaded.effective(path, fail_on).sla_days

    return Policy(
        sla_days=dict(loaded.sla_days),
        fail_on=fail_on,
        project=loaded.project,
        sla_days_at=sla_days_at,
    )
