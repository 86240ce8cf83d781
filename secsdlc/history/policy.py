"""Remediation policy: SLA days per severity from `[policy] sla-days`, checked naming the file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from secsdlc.config import Config
from secsdlc.errors import ConfigError
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
    expiring_within_days: int = EXPIRING_WITHIN_DAYS

    def sla_for(self, severity: Severity) -> int | None:
        return self.sla_days.get(severity)


def from_config(config: Config) -> Policy:
    """The policy of a loaded Config; sla-days entries override the defaults one by one."""
    prefix = "tool.secsdlc." if config.source.endswith("pyproject.toml") else ""
    section: Mapping[str, Any] = config.sections.get("policy", {})
    raw = section.get("sla-days")
    days = dict(DEFAULT_SLA_DAYS)
    if raw is not None:
        if not isinstance(raw, Mapping):
            raise ConfigError(config.source, f"{prefix}policy.sla-days", "must be a table")
        for name, value in raw.items():
            key = f"{prefix}policy.sla-days.{name}"
            try:
                severity = Severity.parse(str(name))
            except ValueError as e:
                raise ConfigError(config.source, key, str(e)) from None
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ConfigError(config.source, key, "must be a positive whole number of days")
            days[severity] = value
    return Policy(sla_days=days, fail_on=config.fail_on)
