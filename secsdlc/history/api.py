"""What the history commands call: one function a command, each opening the store it needs.

Each takes the command line's `--db` and `--config` as given (None: the defaults of
`secsdlc.history.settings`) and returns data; printing and writing files are the caller's.
`history record` is `secsdlc.history.recording.record_sarif`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from secsdlc.history import settings
from secsdlc.history.interface import ImportedScan, ProjectInfo
from secsdlc.history.metrics import FindingState
from secsdlc.history.policy import Policy


@dataclass(frozen=True, kw_only=True)
class Trends:
    """The trends document (docs/history.md names its keys), every finding's state, and the
    policy and time they were judged by."""

    doc: dict[str, Any]
    states: list[FindingState]
    policy: Policy
    now: datetime


@dataclass(frozen=True, kw_only=True)
class Review:
    """One SARIF file as history would record it, with the policy to judge it by."""

    scan: ImportedScan
    policy: Policy
    now: datetime


def trends(*, project: str | None = None, branch: str | None = None, since: str | None = None,
           period: str = "auto", details: bool = False, db: str | None = None,
           config: Path | None = None) -> Trends:
    """Remediation trends from the recorded scans; `since` is ISO 8601 (a usage error if not).

    `details` reads each finding's message, snippet and help link too (the dashboard shows
    them; the metrics do not need them).
    """
    from secsdlc.history import metrics
    from secsdlc.history.database import utcnow
    from secsdlc.history.store import HistoryStore

    loaded = settings.load_config(config)
    policy = settings.policy(loaded)
    start = settings.parse_when(since, "--since") if since else None
    with HistoryStore.open(settings.store_url(db, settings.history_settings(loaded))) as store:
        snapshot = store.snapshot(project=project, branch=branch, details=details)
    now = utcnow()
    doc, states = metrics.trends(snapshot, policy, now=now, since=start, period=period)
    return Trends(doc=doc, states=states, policy=policy, now=now)


def review(sarif: Path, *, config: Path | None = None) -> Review:
    """A SARIF file read as history reads it, without recording it; SarifError if unreadable."""
    from secsdlc.history.database import utcnow
    from secsdlc.history.sarif_import import load_file

    policy = settings.policy(settings.load_config(config))
    return Review(scan=load_file(sarif), policy=policy, now=utcnow())


def set_project(name: str, *, correspondent: str | None = None,
                default_branch: str | None = None, db: str | None = None,
                config: Path | None = None) -> ProjectInfo:
    """Register a project, or change its correspondent or default branch ("" clears one)."""
    with settings.open_store(db, config) as store:
        return store.set_project(name, correspondent=correspondent,
                                 default_branch=default_branch)


def scans(*, project: str | None = None, db: str | None = None,
          config: Path | None = None) -> list[dict[str, Any]]:
    """The recorded scans, oldest first, JSON-ready."""
    with settings.open_store(db, config) as store:
        names = {p.id: p.name for p in store.projects()}
        return [
            {
                "id": s.id,
                "project": names.get(s.project_id, "?"),
                "time": s.scanned_at.isoformat() + "Z",
                "commit": s.commit,
                "branch": s.branch,
                "tools": list(s.tools),
                "findings": s.finding_count,
                "gate_passed": s.gate_passed,
                "complete": s.complete,
                "source": s.source,
            }
            for s in store.scans(project)
        ]
