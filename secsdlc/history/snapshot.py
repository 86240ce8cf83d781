"""Reading the history: projects, scans, and the snapshot the metrics are computed from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from secsdlc.history.database import Database, short_error
from secsdlc.history.interface import (
    FindingId,
    HistoryError,
    ProjectId,
    ProjectInfo,
    ScanId,
    ScanInfo,
)
from secsdlc.history.location import redact_url
from secsdlc.history.schema import findings as findings_t
from secsdlc.history.schema import occurrences as occurrences_t
from secsdlc.history.schema import projects as projects_t
from secsdlc.history.schema import runs as runs_t
from secsdlc.history.schema import scan_counts as scan_counts_t
from secsdlc.history.schema import scans as scans_t
from secsdlc.model import Severity

_PROJECT_CHUNK = 100


class FindingInfo(NamedTuple):
    """A finding's identity and description (a NamedTuple: trends builds thousands of these,
    and a frozen dataclass costs several times as much to construct)."""

    id: FindingId
    project_id: ProjectId
    fingerprint: str
    rule_id: str
    tool: str
    severity: Severity
    message: str
    path: str
    snippet: str
    cwe: tuple[int, ...]
    owasp_2025: tuple[str, ...]
    owasp_2021: tuple[str, ...]
    help_uri: str


# A run of consecutive scans reporting a finding, with what the run's last scan said about it:
# (project_id, finding_id, first position, last position,
#  disposition, start_line, waiver_expires, waiver_approver, justification)
Island = tuple[ProjectId, FindingId, int, int, str, int | None, datetime | None, str, str]
# (scan_id, severity or comma-separated OWASP 2025 ids, open findings)
OpenCount = tuple[ScanId, str, int]


@dataclass(frozen=True, kw_only=True)
class HistorySnapshot:
    """Everything the metrics need, read in one go: the tracked branch's scans of each project."""

    projects: tuple[ProjectInfo, ...]
    tracked_branch: dict[ProjectId, str]  # project id -> branch whose scans make its history
    scans: tuple[ScanInfo, ...]  # sorted by project, time, id
    findings: dict[FindingId, FindingInfo]
    islands: list[Island]
    open_by_severity: list[OpenCount]
    open_by_owasp: list[OpenCount]


class Reads(Database):
    def project(self, name: str) -> ProjectInfo | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(projects_t).where(projects_t.c.name == name)).first()
        return _project(row) if row is not None else None

    def projects(self) -> tuple[ProjectInfo, ...]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(projects_t).order_by(projects_t.c.name)).all()
        return tuple(_project(r) for r in rows)

    def scans(self, project: str | None = None) -> tuple[ScanInfo, ...]:
        query = select(scans_t).order_by(scans_t.c.scanned_at, scans_t.c.id)
        if project is not None:
            query = query.join(projects_t, projects_t.c.id == scans_t.c.project_id).where(
                projects_t.c.name == project
            )
        with self.engine.connect() as conn:
            return tuple(_scan(r) for r in conn.execute(query))

    def snapshot(
        self, *, project: str | None = None, branch: str | None = None, details: bool = True
    ) -> HistorySnapshot:
        """Read the history of one project (or all), on each project's tracked branch.

        Without `details`, findings come without message, snippet and help link: what metrics
        need, at a fraction of the reading.
        """
        try:
            return self._snapshot(project, branch, details)
        except SQLAlchemyError as e:
            raise HistoryError(f"cannot read {redact_url(self.url)}: {short_error(e)}") from e

    def _snapshot(self, project: str | None, branch: str | None, details: bool) -> HistorySnapshot:
        with self.engine.connect() as conn:
            query = select(projects_t).order_by(projects_t.c.name)
            if project is not None:
                query = query.where(projects_t.c.name == project)
            projects = tuple(_project(r) for r in conn.execute(query))
            if project is not None and not projects:
                raise HistoryError(f"no project named {project!r} in the history store")
            all_scans = [
                _scan(r)
                for r in conn.execute(
                    select(scans_t)
                    .where(scans_t.c.project_id.in_([p.id for p in projects]), scans_t.c.complete)
                    .order_by(scans_t.c.project_id, scans_t.c.scanned_at, scans_t.c.id)
                )
            ]
            tracked: dict[ProjectId, str] = {}
            for p in projects:
                tracked[p.id] = _tracked_branch(
                    p, branch, [s for s in all_scans if s.project_id == p.id]
                )
            scans = tuple(s for s in all_scans if tracked.get(s.project_id) == s.branch)
            # Position of each scan in its project's history (scans are sorted by project, time).
            position: dict[ScanId, int] = {}
            seen: Counter[ProjectId] = Counter()
            for scan in scans:
                position[scan.id] = seen[scan.project_id]
                seen[scan.project_id] += 1
            islands: list[Island] = []
            by_severity: list[OpenCount] = []
            by_owasp: list[OpenCount] = []
            c = scan_counts_t.c
            for start in range(0, len(projects), _PROJECT_CHUNK):
                chunk = projects[start : start + _PROJECT_CHUNK]
                on_branch = or_(
                    *(
                        and_(scans_t.c.project_id == p.id, scans_t.c.branch == tracked[p.id])
                        for p in chunk
                    )
                )
                r, o = runs_t.c, occurrences_t.c
                rows = conn.execute(
                    select(
                        r.project_id,
                        r.finding_id,
                        r.first_scan_id,
                        r.last_scan_id,
                        o.disposition,
                        o.start_line,
                        o.waiver_expires,
                        o.waiver_approver,
                        o.justification,
                    )
                    .join(
                        occurrences_t,
                        and_(o.scan_id == r.last_scan_id, o.finding_id == r.finding_id),
                    )
                    .where(
                        or_(
                            *(
                                and_(r.project_id == p.id, r.branch == tracked[p.id])
                                for p in chunk
                            )
                        )
                    )
                )
                islands.extend(
                    (row[0], row[1], position[row[2]], position[row[3]], *row[4:]) for row in rows
                )
                for key, target in ((c.severity, by_severity), (c.owasp_2025, by_owasp)):
                    target.extend(
                        (r[0], r[1], r[2])
                        for r in conn.execute(
                            select(c.scan_id, key, func.sum(c.count))
                            .join(scans_t, scans_t.c.id == c.scan_id)
                            .where(on_branch)
                            .group_by(c.scan_id, key)
                        )
                    )
            f = findings_t.c
            columns = [f.id, f.project_id, f.fingerprint, f.rule_id, f.tool, f.severity, f.path]
            columns += [f.cwe, f.owasp_2025, f.owasp_2021]
            if details:
                columns += [f.message, f.snippet, f.help_uri]
            findings = {
                r.id: _finding(r, details)
                for r in conn.execute(
                    select(*columns).where(f.project_id.in_([p.id for p in projects]))
                )
            }
        return HistorySnapshot(
            projects=projects,
            tracked_branch=tracked,
            scans=scans,
            findings=findings,
            islands=islands,
            open_by_severity=by_severity,
            open_by_owasp=by_owasp,
        )


def _tracked_branch(project: ProjectInfo, explicit: str | None, scans: Iterable[ScanInfo]) -> str:
    if explicit is not None:
        return explicit
    if project.default_branch:
        return project.default_branch
    counts = Counter(s.branch for s in scans)
    if not counts:
        return ""
    best = max(counts.values())
    # Ties go to the branch scanned last.
    return [s.branch for s in scans if counts[s.branch] == best][-1]


def _split(text: str) -> tuple[str, ...]:
    return tuple(t for t in text.split(",") if t)


def _project(row: Any) -> ProjectInfo:
    return ProjectInfo(
        id=row.id,
        name=row.name,
        correspondent=row.correspondent,
        default_branch=row.default_branch,
    )


def _scan(row: Any) -> ScanInfo:
    return ScanInfo(
        id=row.id,
        project_id=row.project_id,
        commit=row.commit,
        branch=row.branch,
        scanned_at=row.scanned_at,
        tools=_split(row.tools),
        finding_count=row.finding_count,
        gate_passed=row.gate_passed,
        source=row.source,
        complete=row.complete,
    )


_SEVERITY_BY_VALUE = {s.value: s for s in Severity}


def _finding(row: Any, details: bool) -> FindingInfo:
    return FindingInfo(
        id=row.id,
        project_id=row.project_id,
        fingerprint=row.fingerprint,
        rule_id=row.rule_id,
        tool=row.tool,
        severity=_SEVERITY_BY_VALUE[row.severity],
        message=row.message if details else "",
        path=row.path,
        snippet=row.snippet if details else "",
        cwe=tuple(int(c) for c in row.cwe.split(",")) if row.cwe else (),
        owasp_2025=tuple(row.owasp_2025.split(",")) if row.owasp_2025 else (),
        owasp_2021=tuple(row.owasp_2021.split(",")) if row.owasp_2021 else (),
        help_uri=row.help_uri if details else "",
    )


