"""What a recorded scan is, independent of how it is stored or where the SARIF came from."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import NewType

from secsdlc.errors import SecsdlcError
from secsdlc.model import Severity

# sha256 of a SARIF document's bytes: what makes recording it again a no-op
Digest = NewType("Digest", str)
HistoryFingerprint = NewType("HistoryFingerprint", str)
# the store's row ids
ProjectId = NewType("ProjectId", int)
ScanId = NewType("ScanId", int)
FindingId = NewType("FindingId", int)


class HistoryError(SecsdlcError):
    """Base of the history store's errors; the CLI reports them and exits 2 (fail closed)."""



class Disposition(enum.Enum):
    """What the scan said about a present finding: it blocks, or why it does not."""

    OPEN = "open"
    SUPPRESSED = "suppressed"  # suppressed in source (SARIF suppression kind "inSource")
    WAIVED = "waived"  # accepted by an external waiver (SARIF suppression kind "external")


@dataclass(frozen=True, kw_only=True)
class ImportedFinding:
    fingerprint: HistoryFingerprint
    rule_id: str
    tool: str
    severity: Severity
    message: str
    path: str
    start_line: int | None
    snippet: str
    cwe: tuple[int, ...]
    owasp_2025: tuple[str, ...]
    owasp_2021: tuple[str, ...]
    help_uri: str
    disposition: Disposition
    justification: str = ""
    waiver_approver: str = ""
    waiver_expires: datetime | None = None  # naive UTC
    count: int = 1  # identical results of one scan collapse into one finding


@dataclass(frozen=True, kw_only=True)
class ImportedScan:
    """One SARIF document, normalized; times are naive UTC."""

    source: str
    digest: Digest
    tools: tuple[str, ...]
    findings: tuple[ImportedFinding, ...]
    started_at: datetime | None
    commit: str | None
    branch: str | None
    # None when the SARIF says nothing about a gate; recording then decides from the findings.
    gate_passed: bool | None
    runs_failed: bool  # a run reported executionSuccessful false or produced no results array
    skipped_absent: int  # results with baselineState "absent": fixed, so not present in this scan


@dataclass(frozen=True, kw_only=True)
class ProjectInfo:
    id: ProjectId
    name: str
    correspondent: str | None
    default_branch: str | None


@dataclass(frozen=True, kw_only=True)
class ScanInfo:
    """A recorded scan; times are naive UTC."""

    id: ScanId
    project_id: ProjectId
    commit: str
    branch: str
    scanned_at: datetime
    tools: tuple[str, ...]
    finding_count: int
    gate_passed: bool | None
    source: str
    complete: bool  # false: counts for no finding's state (a run failed)


@dataclass(frozen=True, kw_only=True)
class RecordOutcome:
    scan_id: ScanId
    project: str
    duplicate: bool  # the same SARIF was already recorded for this project
    findings: int
    gate_passed: bool | None
    complete: bool  # false: a run failed or there was none; no finding's state changed
