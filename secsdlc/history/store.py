"""The history store: SQLite or PostgreSQL through SQLAlchemy, migrated by Alembic on open.

Concurrent writers are made safe by the database, not by luck: unique constraints make a repeated
scan or finding a no-op, SQLite writers take the write lock up front (BEGIN IMMEDIATE, WAL, busy
timeout) and transient lock/deadlock errors are retried with the whole transaction.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    create_engine,
    event,
    func,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from secsdlc.history import runs, schema
from secsdlc.history.interface import Disposition, HistoryError, ImportedScan
from secsdlc.history.location import redact_url
from secsdlc.model import Severity

# Keep in step with migrations/versions; a test checks both against Alembic's script directory.
HEAD_REVISION = "0005"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")
_MIGRATION_LOCK_KEY = 0x5EC5D1C  # pg_advisory_xact_lock key serializing concurrent upgrades
_ATTEMPTS = 30
_CHUNK = 500

_T = TypeVar("_T")

projects_t = schema.projects
scans_t = schema.scans
findings_t = schema.findings
occurrences_t = schema.occurrences
scan_counts_t = schema.scan_counts
runs_t = schema.runs


_PROJECT_CHUNK = 100


@dataclass(frozen=True, kw_only=True)
class RecordOutcome:
    scan_id: int
    project: str
    duplicate: bool  # the same SARIF was already recorded for this project
    findings: int
    gate_passed: bool | None
    complete: bool  # false: a run failed or there was none; no finding's state changed


@dataclass(frozen=True, kw_only=True)
class ProjectInfo:
    id: int
    name: str
    correspondent: str | None
    default_branch: str | None


@dataclass(frozen=True, kw_only=True)
class ScanInfo:
    id: int
    project_id: int
    commit: str
    branch: str
    scanned_at: datetime
    tools: tuple[str, ...]
    finding_count: int
    gate_passed: bool | None
    source: str
    complete: bool  # false: counts for no finding's state (a run failed)


class FindingInfo(NamedTuple):
    """A finding's identity and description (a NamedTuple: trends builds thousands of these,
    and a frozen dataclass costs several times as much to construct)."""

    id: int
    project_id: int
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
Island = tuple[int, int, int, int, str, int | None, datetime | None, str, str]
# (scan_id, severity or comma-separated OWASP 2025 ids, open findings)
OpenCount = tuple[int, str, int]


@dataclass(frozen=True, kw_only=True)
class HistorySnapshot:
    """Everything the metrics need, read in one go: the tracked branch's scans of each project."""

    projects: tuple[ProjectInfo, ...]
    tracked_branch: dict[int, str]  # project id -> branch whose scans make its history
    scans: tuple[ScanInfo, ...]  # sorted by project, time, id
    findings: dict[int, FindingInfo]
    islands: list[Island]
    open_by_severity: list[OpenCount]
    open_by_owasp: list[OpenCount]


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class HistoryStore:
    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, url: str) -> HistoryStore:
        """Connect and bring the schema up to date (never dropping data)."""
        shown = redact_url(url)
        try:
            engine = _make_engine(url)
        except (SQLAlchemyError, ImportError, ValueError, OSError) as e:
            raise HistoryError(f"cannot use history database {shown}: {e}") from e
        store = cls(engine, url)
        try:
            store._retry(store._migrate)
        except HistoryError:
            engine.dispose()
            raise
        except SQLAlchemyError as e:
            engine.dispose()
            raise HistoryError(f"cannot open history database {shown}: {_short(e)}") from e
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema -----------------------------------------------------------------------------

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return _current_revision(conn)

    def _migrate(self) -> None:
        with self.engine.connect() as conn:
            current = _current_revision(conn)
        if current == HEAD_REVISION:
            return
        _check_known(current, self.url)
        with self._write() as conn:
            if self.dialect == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
            current = _current_revision(conn)  # another process may have upgraded meanwhile
            _check_known(current, self.url)
            if current != HEAD_REVISION:
                upgrade(conn, HEAD_REVISION)

    # --- writing ----------------------------------------------------------------------------

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
                f"cannot record {scan.source} in {redact_url(self.url)}: {_short(e)}"
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

    def rebuild_runs(self) -> None:
        """Recompute every run from the occurrences (what recording keeps up incrementally)."""

        def attempt() -> None:
            with self._write() as conn:
                conn.execute(runs_t.delete())
                conn.execute(text(runs.REBUILD_ALL))

        self._retry(attempt)

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

    def _insert_ignore(self, table: Any) -> Any:
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            return pg_insert(table).on_conflict_do_nothing()
        if self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            return sqlite_insert(table).on_conflict_do_nothing()
        raise HistoryError(f"unsupported database {self.dialect!r} (use SQLite or PostgreSQL)")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn = conn.execution_options(secsdlc_write=True)
            with conn.begin():
                yield conn

    def _retry(self, fn: Callable[[], _T]) -> _T:
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                return fn()
            except (OperationalError, IntegrityError, DBAPIError) as e:
                if attempt == _ATTEMPTS or not _transient(e):
                    raise
                time.sleep(random.uniform(0.01, 0.05) * min(attempt, 10))
        raise AssertionError("unreachable")

    # --- reading ----------------------------------------------------------------------------

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

    def table_counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in (projects_t, scans_t, findings_t, occurrences_t, scan_counts_t, runs_t)
            }

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
            raise HistoryError(f"cannot read {redact_url(self.url)}: {_short(e)}") from e

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
            tracked: dict[int, str] = {}
            for p in projects:
                tracked[p.id] = _tracked_branch(
                    p, branch, [s for s in all_scans if s.project_id == p.id]
                )
            scans = tuple(s for s in all_scans if tracked.get(s.project_id) == s.branch)
            # Position of each scan in its project's history (scans are sorted by project, time).
            position: dict[int, int] = {}
            seen: Counter[int] = Counter()
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


def upgrade(conn: Connection, revision: str) -> None:
    """Run the shipped Alembic migrations on `conn` up to `revision` (inside its transaction)."""
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", "secsdlc.history:migrations")
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = url.split(":///", 1)[1] if ":///" in url else ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Take transaction control from pysqlite so that BEGIN IMMEDIATE below is ours.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA busy_timeout = 60000")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers lock up front: a deferred transaction upgrading to write can deadlock.
            write = conn.get_execution_options().get("secsdlc_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    # A small pool: a store kept open records many scans without a new login for each.
    return create_engine(url, pool_size=2, max_overflow=2, pool_pre_ping=True)


def _current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return str(value) if value is not None else None


def _check_known(revision: str | None, url: str) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise HistoryError(
            f"history database {redact_url(url)} has schema revision {revision!r}, newer than "
            f"this secsdlc knows (up to {HEAD_REVISION!r}): upgrade secsdlc"
        )


def _transient(e: DBAPIError) -> bool:
    code = getattr(e.orig, "sqlstate", None) or getattr(e.orig, "pgcode", None)
    if code in ("40P01", "40001", "55P03", "23505"):
        # deadlock, serialization failure, lock timeout, or a unique race lost to another writer
        return True
    text = str(e.orig).lower()
    return (
        "database is locked" in text
        or "database is busy" in text
        or (isinstance(e, IntegrityError) and "unique" in text)
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


def _short(e: SQLAlchemyError) -> str:
    orig = getattr(e, "orig", None)
    return str(orig if orig is not None else e).strip().splitlines()[0]
