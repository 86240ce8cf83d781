"""The one finding model every scanner's output is normalized into.

Models are frozen and keyword-only so that a misplaced positional argument can never silently turn
a line number into a column.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NewType

RuleId = NewType("RuleId", str)
ScannerName = NewType("ScannerName", str)
Fingerprint = NewType("Fingerprint", str)


class Severity(enum.Enum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank

    @property
    def sarif_level(self) -> str:
        if self in (Severity.CRITICAL, Severity.HIGH):
            return "error"
        if self is Severity.MEDIUM:
            return "warning"
        return "note"

    @property
    def security_severity(self) -> float:
        """Representative CVSS-like score, the scale GitHub code scanning reads."""
        return _SECURITY_SEVERITY[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None

    @classmethod
    def from_score(cls, score: float) -> Severity:
        """CVSS v3 qualitative bands."""
        if score >= 9.0:
            return cls.CRITICAL
        if score >= 7.0:
            return cls.HIGH
        if score >= 4.0:
            return cls.MEDIUM
        if score > 0.0:
            return cls.LOW
        return cls.INFO


_SEVERITY_RANK = {
    Severity.INFO: 0,
    Severity.LOW: 1,
    Severity.MEDIUM: 2,
    Severity.HIGH: 3,
    Severity.CRITICAL: 4,
}
_SECURITY_SEVERITY = {
    Severity.CRITICAL: 9.5,
    Severity.HIGH: 8.0,
    Severity.MEDIUM: 5.5,
    Severity.LOW: 3.0,
    Severity.INFO: 0.0,
}


class Confidence(enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @classmethod
    def parse(cls, value: str) -> Confidence:
        try:
            return cls(value.strip().lower())
        except ValueError:
            return cls.MEDIUM


@dataclass(frozen=True, kw_only=True)
class Location:
    """A region of a file; `path` is POSIX-style and relative to the scan root."""

    path: str
    start_line: int
    start_column: int = 1
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, kw_only=True)
class FlowStep:
    """One step of a source-to-sink path: where the data was, and what happened to it there."""

    location: Location
    message: str


@dataclass(frozen=True, kw_only=True)
class Rule:
    """What a rule is, independent of any one result: the SARIF reportingDescriptor."""

    id: RuleId
    name: str
    short_description: str
    full_description: str = ""
    help_text: str = ""
    help_uri: str = ""
    severity: Severity = Severity.MEDIUM
    cwe: tuple[int, ...] = ()
    owasp_2025: tuple[str, ...] = ()
    owasp_2021: tuple[str, ...] = ()
    # measured share of true findings, in GitHub code scanning's words: "very-high", "high",
    # "medium" or "low"; "" when never measured
    precision: str = ""


@dataclass(frozen=True, kw_only=True)
class Suppression:
    """Why a finding does not block: an in-source comment or an external (signed) waiver."""

    kind: str  # SARIF suppression kind: "inSource" or "external"
    justification: str
    status: str = "accepted"
    properties: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Finding:
    rule_id: RuleId
    scanners: tuple[ScannerName, ...]
    message: str
    severity: Severity
    confidence: Confidence
    location: Location
    cwe: tuple[int, ...] = ()
    owasp_2025: tuple[str, ...] = ()
    owasp_2021: tuple[str, ...] = ()
    snippet: str = ""
    # decides: covers the whole flagged region (secsdlc.fingerprint)
    fingerprint: Fingerprint = Fingerprint("")
    # follows the finding across edits in the history only; never decides
    lifecycle_key: Fingerprint = Fingerprint("")
    help_uri: str = ""
    fix_hint: str = ""
    # Rule ids of the other tools that reported the same problem at the same place.
    related_rule_ids: tuple[RuleId, ...] = ()
    properties: Mapping[str, str] = field(default_factory=dict)
    suppressions: tuple[Suppression, ...] = ()
    # SARIF baselineState ("new", "unchanged", "updated", "absent") when compared to a baseline.
    baseline_state: str | None = None
    # The path from the source of untrusted data to the sink, for results of a data-flow
    # analysis: written as a SARIF codeFlow.
    flow: tuple[FlowStep, ...] = ()

    @property
    def scanner(self) -> ScannerName:
        return self.scanners[0]

    @property
    def suppressed(self) -> bool:
        return any(s.status == "accepted" for s in self.suppressions)


class NotificationKind(enum.Enum):
    SKIPPED_FILE = "skipped-file"
    # A file some scanner should have analysed and could not: "no finding" is not known for it.
    NOT_SCANNED = "not-scanned"
    SCANNER_FAILURE = "scanner-failure"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, kw_only=True)
class Notification:
    """Something the user must know that is not a finding: a skipped file, a scanner that failed.

    A SCANNER_FAILURE makes the scan fail closed (exit 2).
    """

    kind: NotificationKind
    message: str
    scanner: ScannerName | None = None
    path: str | None = None

    @property
    def level(self) -> str:
        if self.kind in (NotificationKind.SCANNER_FAILURE, NotificationKind.NOT_SCANNED):
            return "error"
        if self.kind is NotificationKind.INFO:
            return "note"
        return "warning"


@dataclass(frozen=True, kw_only=True)
class ToolInfo:
    name: ScannerName
    version: str
    information_uri: str
    full_name: str = ""


@dataclass(frozen=True, kw_only=True)
class ScannerRun:
    """One scanner's part of a scan: it becomes one SARIF run."""

    tool: ToolInfo
    rules: Mapping[RuleId, Rule]
    findings: tuple[Finding, ...]
    # no default: a run is a success only when whoever built it says it finished
    succeeded: bool
    notifications: tuple[Notification, ...] = ()
    duration_s: float = 0.0
    start_time_utc: str | None = None  # ISO 8601, "Z"
    end_time_utc: str | None = None


@dataclass(frozen=True, kw_only=True)
class ScanResult:
    root: str
    runs: tuple[ScannerRun, ...]
    notifications: tuple[Notification, ...] = ()
    # the files looked at (relative paths): "not reported" only means "fixed" for these
    scanned: tuple[str, ...] = ()
    mode: str = "advisory"  # secsdlc.mode.Mode's value: "advisory" or "enforce"

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for run in self.runs for f in run.findings)

    @property
    def all_notifications(self) -> tuple[Notification, ...]:
        return self.notifications + tuple(n for run in self.runs for n in run.notifications)

    @property
    def failed_scanners(self) -> tuple[ScannerName, ...]:
        return tuple(run.tool.name for run in self.runs if not run.succeeded)
