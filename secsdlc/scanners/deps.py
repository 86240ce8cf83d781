"""The `deps` scanner: known-vulnerable and unpinned dependencies, offline by default.

Everything that could not be checked (a line that does not parse, a database that cannot be read,
a service that does not answer, an advisory whose ranges cannot be evaluated) becomes a
SCANNER_FAILURE notification naming the file and line, so the scan fails closed instead of
reporting a clean result for dependencies nobody looked at.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from secsdlc.model import ScannerName, Severity
from secsdlc.scanners.interface import OptionType, ScannerError, ScannerOutput, ScanRequest

if TYPE_CHECKING:
    # The audit's own modules are imported when a scan has manifests to read: every scan loads
    # every scanner, and a commit hook that touches no manifest should not pay for them.
    from secsdlc.deps.interface import Dependency, SourceResult
    from secsdlc.deps.report import Report

NAME = ScannerName("deps")
STALE_DAYS = 30
VULN_SOURCES = ("offline", "osv", "pypi")

_REQUIREMENTS = re.compile(r"^(?:.*[-_.])?requirements(?:[-_.].*)?\.(?:txt|in)$", re.IGNORECASE)
LOCK_KINDS = frozenset({"poetry", "uv", "pipfile", "pylock"})


class DepsOptionError(ScannerError):
    """An option value makes the scan impossible (nothing was audited)."""


def _kind(path: str) -> str | None:
    name = PurePosixPath(path).name
    parent = PurePosixPath(path).parent.name
    if name == "pyproject.toml":
        return "pyproject"
    if name == "poetry.lock":
        return "poetry"
    if name == "uv.lock":
        return "uv"
    if name == "Pipfile.lock":
        return "pipfile"
    if name == "pylock.toml" or (name.startswith("pylock.") and name.endswith(".toml")):
        return "pylock"
    # Constraint files are read through the `-c` line that names them: a bare "constraints.txt"
    # is as likely to be documentation (Django's docs have two).
    if _REQUIREMENTS.match(name) or (
        parent in ("requirements", "reqs") and name.endswith((".txt", ".in"))
    ):
        return "requirements"
    return None


class DepsScanner:
    name = str(NAME)
    information_uri = "https://osv.dev/"
    options: Mapping[str, OptionType] = {
        "vuln-source": str,
        "env": bool,
        "db": str,
        "unpinned-severity": str,
        # An OSV-compatible query endpoint (a mirror) for vuln-source = "osv".
        "osv-url": str,
    }

    def version(self) -> str:
        from secsdlc import __version__

        return __version__

    def applies_to(self, path: str) -> bool:
        return _kind(path) is not None

    def scan(self, request: ScanRequest) -> ScannerOutput:
        source = str(request.options.get("vuln-source", "offline")).strip().lower()
        if source not in VULN_SOURCES:
            raise DepsOptionError(f"deps: vuln-source {source!r} is not one of "
                                  f"{', '.join(VULN_SOURCES)}")
        try:
            unpinned_severity = Severity.parse(
                str(request.options.get("unpinned-severity", "low")))
        except ValueError as e:
            raise DepsOptionError(f"deps: unpinned-severity: {e}") from e
        db_option = request.options.get("db")
        db_path = Path(str(db_option)).expanduser() if db_option else None
        from secsdlc.deps.interface import DepsError
        from secsdlc.deps.report import Report

        report = Report(unpinned_severity=unpinned_severity)
        dependencies: list[Dependency] = []
        files = sorted(set(request.files))
        lock_dirs = {PurePosixPath(f).parent for f in files if _kind(f) in LOCK_KINDS}
        for rel in files:
            kind = _kind(rel)
            if kind is None:
                continue
            try:
                result: SourceResult = _parsers()[kind](request.root, rel)
            except DepsError as e:
                report.failure(str(e), path=rel)
                continue
            for problem in result.problems:
                report.failure(f"{problem} (not audited)", path=problem.path)
            for dep in result.dependencies:
                # A lock file beside pyproject.toml pins what its ranges resolve to: audit that.
                beside_lock = PurePosixPath(rel).parent in lock_dirs
                if kind == "pyproject" and not dep.pinned and beside_lock:
                    continue
                dependencies.append(dep)
        if request.options.get("env"):
            from secsdlc.deps import environment

            env = environment.parse()
            for problem in env.problems:
                report.failure(f"{problem} (not audited)", path=problem.path)
            dependencies.extend(env.dependencies)

        dependencies = _unique(dependencies)
        unpinned = [d for d in dependencies if not d.pinned and not d.constrained]
        # Offline, the database also tells which advisories an unpinned range lets in.
        ranged = [d for d in unpinned if not d.direct_reference] if source == "offline" else []
        exposure: dict[int, tuple[str, ...]] = {}
        if any(d.pinned for d in dependencies) or ranged:
            exposure = self._audit(source, dependencies, ranged, db_path, request, report)
        for dep in unpinned:
            report.unpinned(dep, exposure.get(id(dep), ()))
        return report.output()

    def _audit(self, source: str, dependencies: list[Dependency], ranged: list[Dependency],
               db_path: Path | None, request: ScanRequest,
               report: Report) -> dict[int, tuple[str, ...]]:
        from secsdlc.deps import store
        from secsdlc.deps.audit import audit, range_exposure
        from secsdlc.deps.interface import DepsError
        from secsdlc.deps.services import audit_online

        exposure: dict[int, tuple[str, ...]] = {}

        database: store.Store | None = None
        try:
            database = store.open_default(db_path)
        except DepsError as e:
            if source == "offline":
                report.failure(f"vulnerability database: {e}; no dependency was audited")
                return exposure
            # Online, the local database only adds CVSS scores: its absence is not fatal.
            report.warning(f"vulnerability database: {e}; online results are scored without "
                           "CVSS data")
        try:
            started = time.monotonic()
            if source == "offline" and database is not None:
                # Only the offline audit depends on the database being current.
                report.database(database.info(), stale_days=STALE_DAYS)
                result = audit(database, dependencies)
                exposure = {id(d): range_exposure(database, d) for d in ranged}
            else:
                result = audit_online(
                    source, dependencies, cache_dir=store.cache_root() / "pip-audit",
                    timeout=max(1, int(min(request.timeout, 30))),
                    osv_url=str(request.options.get("osv-url") or "") or None,
                    enrich=database,
                )
            report.audited(result, source=source, seconds=time.monotonic() - started)
        except DepsError as e:
            report.failure(f"dependency audit ({source}) failed: {e}; no dependency was audited")
        finally:
            if database is not None:
                database.close()
        return exposure


def _unique(deps: list[Dependency]) -> list[Dependency]:
    seen: set[tuple[str, int, int, str, str | None]] = set()
    out = []
    for d in deps:
        key = (d.path, d.line, d.column, d.name, d.version)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _parsers() -> dict[str, Callable[[Path, str], SourceResult]]:
    # Imported on first use: the engine loads every scanner even for a tree without manifests.
    from secsdlc.deps import (
        pipfile_lock,
        poetry_lock,
        pylock,
        pyproject,
        requirements,
        uv_lock,
    )

    return {
        "requirements": requirements.parse,
        "pyproject": pyproject.parse,
        "poetry": poetry_lock.parse,
        "uv": uv_lock.parse,
        "pipfile": pipfile_lock.parse,
        "pylock": pylock.parse,
    }
