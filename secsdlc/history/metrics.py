"""Lifecycle by fingerprint and the remediation metrics built on it.

A finding's presence in a project's successive scans (on its tracked branch) is a sequence of
intervals: it is introduced when an interval starts (new, or reopened after a fix) and fixed at the
first scan that no longer reports it. Waived and suppressed findings keep their lifecycle but are
counted apart from open ones: they neither count as open nor breach an SLA.
"""

from __future__ import annotations

import enum
import statistics
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from secsdlc.history.interface import (
    Disposition,
    FindingId,
    ProjectId,
    ProjectInfo,
    ScanInfo,
)
from secsdlc.history.policy import Policy
from secsdlc.history.snapshot import (
    FindingInfo,
    HistorySnapshot,
    Island,
    OpenCount,
)
from secsdlc.model import Severity

SCHEMA = "secsdlc-trends/1"
SEVERITIES = tuple(s.value for s in Severity)  # most severe first
PERIODS = ("day", "week", "month")


class Lifecycle(enum.Enum):
    NEW = "new"  # first reported by the latest scan
    PERSISTING = "persisting"
    REOPENED = "reopened"  # reported again after a scan had found it fixed
    FIXED = "fixed"  # no longer reported by the latest scan


class FindingState(NamedTuple):
    """A finding as of its project's latest scan (a NamedTuple, like FindingInfo, for speed)."""

    finding: FindingInfo
    project: str
    lifecycle: Lifecycle
    disposition: Disposition | None  # None once fixed
    first_seen: datetime
    introduced_at: datetime  # start of the current (or last) interval
    last_seen: datetime
    fixed_at: datetime | None
    line: int | None
    justification: str
    waiver_approver: str
    waiver_expires: datetime | None
    age_days: float  # open for this long (to the reference time, or to the fix)
    sla_days: int | None
    past_sla: bool


@dataclass(frozen=True, kw_only=True)
class _Event:
    time: datetime
    kind: str  # "introduced" or "fixed"
    severity: Severity
    days: float | None = None  # time to remediate, for "fixed"


@dataclass
class _ProjectHistory:
    info: ProjectInfo
    branch: str
    scans: list[ScanInfo]
    times: list[datetime]
    open_by_severity: list[Counter[str]]  # per scan
    open_by_owasp: list[Counter[str]]
    states: list[FindingState]
    events: list[_Event]


def analyze(snapshot: HistorySnapshot, policy: Policy, *, now: datetime) -> list[_ProjectHistory]:
    scans_by_project: dict[ProjectId, list[ScanInfo]] = defaultdict(list)
    for scan in snapshot.scans:
        scans_by_project[scan.project_id].append(scan)
    islands: dict[ProjectId, dict[FindingId, list[Island]]] = defaultdict(lambda: defaultdict(list))
    for island in snapshot.islands:
        islands[island[0]][island[1]].append(island)
    project_of_scan = {s.id: s.project_id for s in snapshot.scans}
    severity_counts: dict[ProjectId, list[OpenCount]] = defaultdict(list)
    for row in snapshot.open_by_severity:
        severity_counts[project_of_scan[row[0]]].append(row)
    owasp_counts: dict[ProjectId, list[OpenCount]] = defaultdict(list)
    for row in snapshot.open_by_owasp:
        owasp_counts[project_of_scan[row[0]]].append(row)
    return [
        _analyze_project(
            info,
            snapshot.tracked_branch.get(info.id, ""),
            scans_by_project.get(info.id, []),
            islands.get(info.id, {}),
            severity_counts.get(info.id, []),
            owasp_counts.get(info.id, []),
            snapshot,
            policy,
            now,
        )
        for info in snapshot.projects
    ]


def _analyze_project(
    info: ProjectInfo,
    branch: str,
    scans: list[ScanInfo],
    islands: dict[FindingId, list[Island]],
    severity_counts: list[OpenCount],
    owasp_counts: list[OpenCount],
    snapshot: HistorySnapshot,
    policy: Policy,
    now: datetime,
) -> _ProjectHistory:
    n = len(scans)
    times = [s.scanned_at for s in scans]
    position = {s.id: i for i, s in enumerate(scans)}
    by_sev: list[Counter[str]] = [Counter() for _ in range(n)]
    by_owasp: list[Counter[str]] = [Counter() for _ in range(n)]
    for scan_id, severity, count in severity_counts:
        by_sev[position[scan_id]][severity] += int(count)
    for scan_id, categories, count in owasp_counts:
        for cat in categories.split(",") if categories else ("uncategorized",):
            by_owasp[position[scan_id]][cat] += int(count)
    states: list[FindingState] = []
    events: list[_Event] = []
    for finding_id, runs in islands.items():
        finding = snapshot.findings[finding_id]
        runs.sort(key=lambda run: run[2])
        intervals = [(run[2], run[3]) for run in runs]
        sev = finding.severity
        for start, end in intervals:
            events.append(_Event(time=times[start], kind="introduced", severity=sev))
            if end < n - 1:
                fixed_at = times[end + 1]
                days = (fixed_at - times[start]).total_seconds() / 86400
                events.append(_Event(time=fixed_at, kind="fixed", severity=sev, days=days))
        start, end = intervals[-1]
        disposition_text, line, expires, approver, justification = runs[-1][4:]
        fixed = end < n - 1
        if fixed:
            lifecycle = Lifecycle.FIXED
        elif len(intervals) > 1:
            lifecycle = Lifecycle.REOPENED
        elif start == n - 1:
            lifecycle = Lifecycle.NEW
        else:
            lifecycle = Lifecycle.PERSISTING
        disposition = None if fixed else Disposition(disposition_text)
        fixed_time = times[end + 1] if fixed else None
        age_days = ((fixed_time or now) - times[start]).total_seconds() / 86400
        sla = policy.sla_for(sev, finding.path)
        past = disposition is Disposition.OPEN and sla is not None and age_days > sla
        states.append(
            FindingState(
                finding=finding,
                project=info.name,
                lifecycle=lifecycle,
                disposition=disposition,
                first_seen=times[intervals[0][0]],
                introduced_at=times[start],
                last_seen=times[end],
                fixed_at=fixed_time,
                line=line,
                justification=justification,
                waiver_approver=approver,
                waiver_expires=expires,
                age_days=age_days,
                sla_days=sla,
                past_sla=past,
            )
        )
    states.sort(key=lambda s: (-s.finding.severity.rank, s.finding.path, s.line or 0))
    return _ProjectHistory(
        info=info,
        branch=branch,
        scans=scans,
        times=times,
        open_by_severity=by_sev,
        open_by_owasp=by_owasp,
        states=states,
        events=events,
    )


def trends(
    snapshot: HistorySnapshot,
    policy: Policy,
    *,
    now: datetime,
    since: datetime | None = None,
    period: str = "auto",
) -> tuple[dict[str, Any], list[FindingState]]:
    """The trends document (see docs/history.md for its keys) and every finding's state."""
    histories = analyze(snapshot, policy, now=now)
    all_times = [t for h in histories for t in h.times]
    first = since or (min(all_times) if all_times else now)
    last = max([now, *all_times])
    if period == "auto":
        span = (last - first).days
        period = "day" if span <= 31 else "week" if span <= 366 else "month"
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r} (expected auto, {', '.join(PERIODS)})")
    buckets = _buckets(first, last, period)
    projects = [_project_summary(h, policy, now, since) for h in histories]
    states = [s for h in histories for s in h.states]
    events = [e for h in histories for e in h.events if since is None or e.time >= since]
    scanned = [p for p in projects if p["scans"] > 0]
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "generated_at": _iso(now),
        "since": _iso(since) if since else None,
        "period": period,
        "sla_days": {s.value: d for s, d in policy.sla_days.items()},
        "totals": _totals(projects, events, states, policy, now),
        "series": _series(histories, buckets, since),
        "compliance": _compliance(projects),
        "projects": projects,
        "sla_breaches": [_breach(s) for s in states if s.past_sla],
    }
    doc["totals"]["projects_scanned"] = len(scanned)
    return doc, states


def _project_summary(
    h: _ProjectHistory, policy: Policy, now: datetime, since: datetime | None
) -> dict[str, Any]:
    last = h.scans[-1] if h.scans else None
    events = [e for e in h.events if since is None or e.time >= since]
    breaches = [s for s in h.states if s.past_sla]
    summary: dict[str, Any] = {
        "name": h.info.name,
        "correspondent": h.info.correspondent,
        "default_branch": h.info.default_branch,
        "tracked_branch": h.branch,
        "scans": len(h.scans),
        "last_scan": None,
        "open": _open(
            h.open_by_severity[-1] if h.scans else Counter(),
            h.open_by_owasp[-1] if h.scans else Counter(),
        ),
        "status": _status(h.states),
        "introduced": sum(1 for e in events if e.kind == "introduced"),
        "fixed": sum(1 for e in events if e.kind == "fixed"),
        "remediation": _remediation(events),
        "sla": {
            "breaches": len(breaches),
            "by_severity": _by_severity(Counter(s.finding.severity.value for s in breaches)),
        },
        "waivers": _waivers(h.states, policy, now),
    }
    if last is not None:
        summary["last_scan"] = {
            "id": last.id,
            "time": _iso(last.scanned_at),
            "commit": last.commit,
            "branch": last.branch,
            "gate_passed": last.gate_passed,
            "tools": list(last.tools),
        }
    return summary


def _totals(
    projects: list[dict[str, Any]],
    events: list[_Event],
    states: list[FindingState],
    policy: Policy,
    now: datetime,
) -> dict[str, Any]:
    by_sev: Counter[str] = Counter()
    by_owasp: Counter[str] = Counter()
    for p in projects:
        by_sev.update(p["open"]["by_severity"])
        by_owasp.update(p["open"]["by_owasp"])
    breaches = [s for s in states if s.past_sla]
    return {
        "projects": len(projects),
        "scans": sum(p["scans"] for p in projects),
        "open": _open(by_sev, by_owasp),
        "status": _status(states),
        "introduced": sum(1 for e in events if e.kind == "introduced"),
        "fixed": sum(1 for e in events if e.kind == "fixed"),
        "remediation": _remediation(events),
        "sla": {
            "breaches": len(breaches),
            "by_severity": _by_severity(Counter(s.finding.severity.value for s in breaches)),
        },
        "waivers": _waivers(states, policy, now),
    }


def _open(by_sev: Counter[str], by_owasp: Counter[str]) -> dict[str, Any]:
    return {
        "total": sum(by_sev.values()),
        "by_severity": _by_severity(by_sev),
        "by_owasp": dict(sorted((k, v) for k, v in by_owasp.items() if v)),
    }


def _by_severity(counts: Counter[str] | dict[str, int]) -> dict[str, int]:
    return {s: int(counts.get(s, 0)) for s in SEVERITIES}


def _status(states: Sequence[FindingState]) -> dict[str, int]:
    counts = {lc.value: 0 for lc in Lifecycle}
    counts.update({"waived": 0, "suppressed": 0})
    for s in states:
        if s.disposition is Disposition.WAIVED:
            counts["waived"] += 1
        elif s.disposition is Disposition.SUPPRESSED:
            counts["suppressed"] += 1
        else:
            counts[s.lifecycle.value] += 1
    return counts


def _remediation(events: Sequence[_Event]) -> dict[str, dict[str, Any]]:
    days: dict[str, list[float]] = defaultdict(list)
    for e in events:
        if e.kind == "fixed" and e.days is not None:
            days[e.severity.value].append(e.days)
    return {
        sev: {
            "fixed": len(days[sev]),
            "mean_days": round(statistics.fmean(days[sev]), 2) if days[sev] else None,
            "median_days": round(statistics.median(days[sev]), 2) if days[sev] else None,
        }
        for sev in SEVERITIES
    }


def _waivers(states: Sequence[FindingState], policy: Policy, now: datetime) -> dict[str, int]:
    soon = now + timedelta(days=policy.expiring_within_days)
    counts = {"active": 0, "expiring": 0, "expired": 0}
    for s in states:
        if s.disposition is not Disposition.WAIVED:
            continue
        expires = s.waiver_expires
        if expires is not None and expires <= now:
            counts["expired"] += 1
        elif expires is not None and expires <= soon:
            counts["expiring"] += 1
        else:
            counts["active"] += 1
    return counts


def waiver_status(state: FindingState, policy: Policy, now: datetime) -> str:
    if state.disposition is not Disposition.WAIVED:
        return ""
    if state.waiver_expires is None:
        return "active"
    if state.waiver_expires <= now:
        return "expired"
    if state.waiver_expires <= now + timedelta(days=policy.expiring_within_days):
        return "expiring"
    return "active"


def _compliance(projects: list[dict[str, Any]]) -> dict[str, Any]:
    total = len(projects)

    def share(count: int) -> dict[str, Any]:
        return {"count": count, "share": round(count / total, 4) if total else None}

    # A project never scanned cannot show a passing gate or a clean SLA record: fail closed.
    gate_ok = sum(
        1
        for p in projects
        if p["last_scan"] is not None
        and p["last_scan"]["gate_passed"] is True
        and (p["default_branch"] is None or p["default_branch"] == p["tracked_branch"])
    )
    return {
        "projects": total,
        "with_correspondent": share(sum(1 for p in projects if p["correspondent"])),
        "passing_gate_default_branch": share(gate_ok),
        "no_findings_past_sla": share(
            sum(1 for p in projects if p["scans"] > 0 and p["sla"]["breaches"] == 0)
        ),
    }


def _breach(s: FindingState) -> dict[str, Any]:
    return {
        "project": s.project,
        "fingerprint": s.finding.fingerprint,
        "rule_id": s.finding.rule_id,
        "severity": s.finding.severity.value,
        "path": s.finding.path,
        "line": s.line,
        "introduced_at": _iso(s.introduced_at),
        "age_days": round(s.age_days, 2),
        "sla_days": s.sla_days,
    }


def _series(
    histories: list[_ProjectHistory],
    buckets: list[tuple[datetime, datetime]],
    since: datetime | None,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    events = sorted((e for h in histories for e in h.events), key=lambda e: e.time)
    event_times = [e.time for e in events]
    for start, end in buckets:
        by_sev: Counter[str] = Counter()
        by_owasp: Counter[str] = Counter()
        for h in histories:
            # State at the end of the period: the project's last scan before it ends.
            idx = bisect_left(h.times, end) - 1
            if idx >= 0:
                by_sev.update(h.open_by_severity[idx])
                by_owasp.update(h.open_by_owasp[idx])
        lo = bisect_left(event_times, max(start, since) if since else start)
        hi = bisect_left(event_times, end)
        window = events[lo:hi]
        rows.append(
            {
                "start": _iso(start),
                "end": _iso(end),
                "open": sum(by_sev.values()),
                "open_by_severity": _by_severity(by_sev),
                "open_by_owasp": dict(sorted((k, v) for k, v in by_owasp.items() if v)),
                "introduced": sum(1 for e in window if e.kind == "introduced"),
                "fixed": sum(1 for e in window if e.kind == "fixed"),
            }
        )
    return rows


def _buckets(first: datetime, last: datetime, period: str) -> list[tuple[datetime, datetime]]:
    start = _floor(first, period)
    out: list[tuple[datetime, datetime]] = []
    while start <= last:
        end = _next(start, period)
        out.append((start, end))
        start = end
    return out


def _floor(t: datetime, period: str) -> datetime:
    day = datetime(t.year, t.month, t.day)
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return datetime(t.year, t.month, 1)
    return day


def _next(t: datetime, period: str) -> datetime:
    if period == "day":
        return t + timedelta(days=1)
    if period == "week":
        return t + timedelta(days=7)
    return datetime(t.year + (t.month == 12), t.month % 12 + 1, 1)


def _iso(t: datetime | date) -> str:
    return t.isoformat() + ("Z" if isinstance(t, datetime) else "")
