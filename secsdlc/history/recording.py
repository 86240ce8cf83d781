"""`history record` as a library call: a SARIF file into the store, with the defaults filled in.

Project, commit, branch and time come from the caller, else the SARIF, else the configuration or
git; the SARIF is read before the store is opened, so bad input changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from secsdlc.errors import UsageError
from secsdlc.history import location, settings
from secsdlc.history.interface import ImportedScan, RecordOutcome
from secsdlc.history.store import HistoryStore


@dataclass(frozen=True, kw_only=True)
class Recorded:
    outcome: RecordOutcome
    scan: ImportedScan
    commit: str
    branch: str
    warnings: tuple[str, ...] = ()


def record_sarif(sarif: Path, *, project: str | None = None, commit: str | None = None,
                 branch: str | None = None, when: str | None = None, gate: bool | None = None,
                 db: str | None = None, config: Path | None = None,
                 cwd: Path | None = None) -> Recorded:
    """Record one SARIF file; UsageError, SarifError or HistoryError when it cannot be."""
    from secsdlc.history.database import utcnow
    from secsdlc.history.sarif_import import load_file

    cwd = cwd or Path.cwd()
    loaded = settings.load_config(config)
    conf = settings.history_settings(loaded)
    policy = settings.policy(loaded)
    project = project or conf.project or policy.project
    if not project:
        raise UsageError(
            "history record: --project is required (or set project in [history] or [policy])"
        )
    scanned_at = settings.parse_when(when, "--time") if when else None
    scan = load_file(sarif)  # before opening the store: bad input changes nothing
    git_commit, git_branch = (None, None)
    if not (commit or scan.commit) or not (branch or scan.branch):
        git_commit, git_branch = location.git_head(cwd)
    commit = commit or scan.commit or git_commit or ""
    branch = branch or scan.branch or git_branch or ""
    warnings: list[str] = []
    with HistoryStore.open(settings.store_url(db, conf)) as store:
        outcome = store.record(
            scan,
            project=project,
            commit=commit,
            branch=branch,
            scanned_at=scanned_at or scan.started_at or utcnow(),
            gate_passed=gate,
            fail_on=policy.fail_on,
        )
        correspondent = conf.correspondent or _registered_correspondents(
            store, project, cwd, warnings)
        if correspondent or conf.default_branch:
            store.set_project(
                project, correspondent=correspondent, default_branch=conf.default_branch
            )
    return Recorded(outcome=outcome, scan=scan, commit=commit, branch=branch,
                    warnings=tuple(warnings))


def _registered_correspondents(store: HistoryStore, project: str, cwd: Path,
                               warnings: list[str]) -> str | None:
    """The repository's correspondent registry as on disk, for a project that names nobody yet.

    Only a compliance indicator: the gate verifies the registry's signatures where it matters.
    """
    from secsdlc import vcs
    from secsdlc.signoff import facade

    info = store.project(project)
    if info is not None and info.correspondent:
        return None
    root = vcs.top(cwd)
    if root is None:
        return None
    names, problem = facade.registered_principals(root)
    if problem:
        warnings.append(f"correspondents not read: {problem}")
    return ", ".join(names)[:320] or None
