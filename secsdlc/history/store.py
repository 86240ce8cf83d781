"""The history store: recording scans and projects, over the reads of `snapshot`.

A scan's findings, occurrences, open counts and runs are written in one transaction; a scan
recorded twice is a no-op, and one whose runs failed is kept but changes no finding's state.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from secsdlc.history import runs
from secsdlc.history.database import short_error, utcnow
from secsdlc.history.interface import (
    Disposition,
    HistoryError,
    ImportedScan,
    ProjectInfo,
    RecordOutcome,
)
from secsdlc.history.location import redact_url
from secsdlc.history.schema import findings as findings_t
from secsdlc.history.schema import occurrences as occurrences_t
from secsdlc.history.schema import projects as projects_t
from secsdlc.history.schema import runs as runs_t
from secsdlc.history.schema import scan_counts as scan_counts_t
from secsdlc.history.schema import scans as scans_t
from secsdlc.history.snapshot import Reads
from secsdlc.model import Severity

_CHUNK = 500


class HistoryStore(Reads):
    """The history database, read and written."""

    def record(
        self,
        scan: ImportedScan,
        *,
        project: str,
        commit: str,
        branch: str,
        scanned_at: datetime,
        gate_passed: bool | None = None,
        fail_on: Severity = Severity.HIGH,
    ) -> RecordOutcome:
        if not project.strip():
            raise HistoryError("project name must not be empty")
        for what, value, limit in (("project name", project, 200), ("commit", commit, 64),
                                   ("branch", branch, 255)):
            if len(value) > limit:
                raise HistoryError(f"{what} longer than {limit} characters: {value[:40]!r}...")
        if scan.runs_failed:
            gate_passed = False  # no verdict rests on a run that failed
        if gate_passed is None:
            gate_passed = scan.gate_passed
        if gate_passed is None:
            # No gate verdict in the SARIF: fail closed on failed runs, else judge by fail-on.
            gate_passed = not scan.runs_failed and not any(
                f.disposition is Disposition.OPEN and f.severity.at_least(fail_on)
                for f in scan.findings
            )
        decided: bool = gate_passed

        def attempt() -> RecordOutcome:
            return self._record_once(scan, project, commit, branch, scanned_at, decided)

        try:
            return self._retry(attempt)
        except SQLAlchemyError as e:
            raise HistoryError(
                f"cannot record {scan.source} in {redact_url(self.url)}: {short_error(e)}"
            ) from e

    def _record_once(
        self,
        scan: ImportedScan,
        project: str,
        commit: str,
        branch: str,
        scanned_at: datetime,
        gate_passed: bool,
    ) -> RecordOutcome:
        with self._write() as conn:
            project_id = self._ensure_project(conn, project)
            # One writer per project at a time (PostgreSQL; SQLite writers are serial anyway):
            # keeping its runs in step needs to know which scan is the latest.
            conn.execute(
                select(projects_t.c.id)
                .where(projects_t.c.id == project_id)
                .with_for_update(key_share=True)
            )
            existing = conn.execute(
                select(
                    scans_t.c.id, scans_t.c.finding_count, scans_t.c.gate_passed,
                    scans_t.c.complete,
                ).where(
                    scans_t.c.project_id == project_id, scans_t.c.digest == scan.digest
                )
            ).first()
            if existing is not None:
                return RecordOutcome(
                    scan_id=existing[0],
                    project=project,
                    duplicate=True,
                    findings=existing[1],
                    gate_passed=existing[2],
                    complete=existing[3],
                )
            scan_id = conn.execute(
                scans_t.insert()
                .values(
                    project_id=project_id,
                    digest=scan.digest,
                    commit=commit,
                    branch=branch,
                    scanned_at=scanned_at,
                    recorded_at=utcnow(),
                    tools=",".join(scan.tools),
                    source=Path(scan.source).name,
                    finding_count=0 if scan.runs_failed else len(scan.findings),
                    gate_passed=gate_passed,
                    complete=not scan.runs_failed,
                )
                .returning(scans_t.c.id)
            ).scalar_one()
            if scan.runs_failed:
                # What a failed run reports is partial: no finding is new, still there or fixed.
                return RecordOutcome(scan_id=scan_id, project=project, duplicate=False,
                                     findings=0, gate_passed=gate_passed, complete=False)
            # Sorted so that concurrent PostgreSQL writers lock rows in one order: no deadlock.
            ordered = sorted(scan.findings, key=lambda f: f.fingerprint)
            if ordered:
                conn.execute(
                    self._insert_ignore(findings_t),
                    [
                        {
                            "project_id": project_id,
                            "fingerprint": f.fingerprint,
                            "rule_id": f.rule_id,
                            "tool": f.tool,
                            "severity": f.severity.value,
                            "message": f.message,
                            "path": f.path,
                            "snippet": f.snippet,
                            "cwe": ",".join(str(c) for c in f.cwe),
                            "owasp_2025": ",".join(f.owasp_2025),
                            "owasp_2021": ",".join(f.owasp_2021),
                            "help_uri": f.help_uri,
                        }
                        for f in ordered
                    ],
                )
                ids = self._finding_ids(conn, project_id, [f.fingerprint for f in ordered])
                conn.execute(
                    occurrences_t.insert(),
                    [
                        {
                            "scan_id": scan_id,
                            "finding_id": ids[f.fingerprint],
                            "disposition": f.disposition.value,
                            "start_line": f.start_line,
                            "count": f.count,
                            "justification": f.justification,
                            "waiver_approver": f.waiver_approver,
                            "waiver_expires": f.waiver_expires,
                        }
                        for f in ordered
                    ],
                )
                counts = Counter(
                    (f.severity.value, ",".join(f.owasp_2025))
                    for f in ordered
                    if f.disposition is Disposition.OPEN
                )
                if counts:
                    conn.execute(
                        scan_counts_t.insert(),
                        [
                            {"scan_id": scan_id, "severity": sev, "owasp_2025": cats, "count": n}
                            for (sev, cats), n in sorted(counts.items())
                        ],
                    )
            else:
                ids = {}
            self._update_runs(conn, project_id, branch, scan_id, scanned_at, sorted(ids.values()))
        return RecordOutcome(
            scan_id=scan_id,
            project=project,
            duplicate=False,
            findings=len(scan.findings),
            gate_passed=gate_passed,
            complete=True,
        )

    def _update_runs(
        self,
        conn: Connection,
        project_id: int,
        branch: str,
        scan_id: int,
        scanned_at: datetime,
        finding_ids: Sequence[int],
    ) -> None:
        s = scans_t.c
        prev = conn.execute(
            select(s.id, s.scanned_at)
            .where(s.project_id == project_id, s.branch == branch, s.id != scan_id, s.complete)
            .order_by(s.scanned_at.desc(), s.id.desc())
            .limit(1)
        ).first()
        if prev is not None and scanned_at < prev.scanned_at:
            # Recorded into the past: runs after it may split or join, so rebuild them all.
            params = {"p": project_id, "b": branch}
            conn.execute(text(runs.DELETE_ONE), params)
            conn.execute(text(runs.REBUILD_ONE), params)
            return
        r = runs_t.c
        extended: set[int] = set()
        if prev is not None:
            for start in range(0, len(finding_ids), _CHUNK):
                conn.execute(
                    update(runs_t)
                    .where(
                        r.project_id == project_id,
                        r.branch == branch,
                        r.last_scan_id == prev.id,
                        r.finding_id.in_(finding_ids[start : start + _CHUNK]),
                    )
                    .values(last_scan_id=scan_id)
                )
            extended = set(
                conn.execute(
                    select(r.finding_id).where(
                        r.project_id == project_id, r.branch == branch, r.last_scan_id == scan_id
                    )
                ).scalars()
            )
        started = [fid for fid in finding_ids if fid not in extended]
        if started:
            conn.execute(
                runs_t.insert(),
                [
                    {
                        "project_id": project_id,
                        "branch": branch,
                        "finding_id": fid,
                        "first_scan_id": scan_id,
                        "last_scan_id": scan_id,
                    }
                    for fid in started
                ],
            )

    def set_project(
        self,
        name: str,
        *,
        correspondent: str | None = None,
        default_branch: str | None = None,
    ) -> ProjectInfo:
        """Create the project if needed and set the given attributes ("" clears one)."""

        def attempt() -> None:
            with self._write() as conn:
                project_id = self._ensure_project(conn, name)
                values: dict[str, Any] = {}
                if correspondent is not None:
                    values["correspondent"] = correspondent or None
                if default_branch is not None:
                    values["default_branch"] = default_branch or None
                if values:
                    conn.execute(
                        update(projects_t).where(projects_t.c.id == project_id).values(**values)
                    )

        self._retry(attempt)
        info = self.project(name)
        assert info is not None  # just written
        return info

    def _ensure_project(self, conn: Connection, name: str) -> int:
        conn.execute(self._insert_ignore(projects_t).values(name=name, created_at=utcnow()))
        return int(
            conn.execute(select(projects_t.c.id).where(projects_t.c.name == name)).scalar_one()
        )

    def _finding_ids(
        self, conn: Connection, project_id: int, fingerprints: Sequence[str]
    ) -> dict[str, int]:
        ids: dict[str, int] = {}
        for start in range(0, len(fingerprints), _CHUNK):
            chunk = fingerprints[start : start + _CHUNK]
            rows = conn.execute(
                select(findings_t.c.fingerprint, findings_t.c.id).where(
                    findings_t.c.project_id == project_id, findings_t.c.fingerprint.in_(chunk)
                )
            )
            ids.update({fp: fid for fp, fid in rows})
        missing = set(fingerprints) - ids.keys()
        if missing:  # cannot happen under the unique constraint; never store a partial scan
            raise HistoryError(f"internal: {len(missing)} findings vanished while recording")
        return ids

