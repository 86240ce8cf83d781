from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from secsdlc.history.interface import ImportedScan
from secsdlc.history.metrics import Lifecycle, trends
from secsdlc.history.policy import Policy
from secsdlc.history.sarif_import import parse_bytes
from secsdlc.history.store import HistoryStore
from secsdlc.model import Severity

from .helpers import our_result, our_sarif, rebuild_runs

T0 = datetime(2026, 1, 1)
NOW = datetime(2026, 3, 1)


def day(n: int) -> datetime:
    return T0 + timedelta(days=n)


def sarif(results: list[dict[str, Any]], when: datetime) -> ImportedScan:
    doc = our_sarif(results, start=when.isoformat() + "Z")
    return parse_bytes(json.dumps(doc).encode(), source="s.sarif")


def rec(
    store: HistoryStore,
    results: list[dict[str, Any]],
    when: datetime,
    *,
    project: str = "web",
    branch: str = "main",
    gate: bool | None = None,
) -> None:
    store.record(
        sarif(results, when),
        project=project,
        commit=f"c{when:%m%d}",
        branch=branch,
        scanned_at=when,
        gate_passed=gate,
    )


def test_lifecycle_new_persisting_fixed_reopened_waived_suppressed(db_url: str) -> None:
    waiver = {"kind": "external", "properties": {"approver": "bob", "expires": "2026-03-10"}}
    with HistoryStore.open(db_url) as store:
        rec(store, [our_result("p"), our_result("f"), our_result("r")], day(0))
        rec(store, [our_result("p"), our_result("f")], day(10))  # r fixed
        rec(
            store,
            [
                our_result("p"),
                our_result("r"),  # r back: reopened
                our_result("n"),  # new in the latest scan
                our_result("w", suppressions=[waiver]),
                our_result("s", suppressions=[{"kind": "inSource"}]),
            ],
            day(20),
        )  # f fixed
        # another branch's scans do not make main's history
        rec(store, [our_result("p")], day(25), branch="feature")
        snap = store.snapshot()
    doc, states = trends(snap, Policy(), now=NOW)
    by_fp = {s.finding.fingerprint: s for s in states}
    assert by_fp["p"].lifecycle is Lifecycle.PERSISTING
    assert by_fp["f"].lifecycle is Lifecycle.FIXED and by_fp["f"].fixed_at == day(20)
    assert by_fp["r"].lifecycle is Lifecycle.REOPENED
    assert by_fp["r"].introduced_at == day(20) and by_fp["r"].first_seen == day(0)
    assert by_fp["n"].lifecycle is Lifecycle.NEW
    assert doc["totals"]["status"] == {
        "new": 1, "persisting": 1, "reopened": 1, "fixed": 1, "waived": 1, "suppressed": 1,
    }
    # open = present, not waived, not suppressed: p, r, n
    assert doc["totals"]["open"]["total"] == 3
    assert doc["projects"][0]["tracked_branch"] == "main"
    assert doc["projects"][0]["scans"] == 3
    # introduced: p f r at day 0, r again, n, w, s at day 20 ; fixed: r at day 10, f at day 20
    assert (doc["totals"]["introduced"], doc["totals"]["fixed"]) == (7, 2)


def test_recording_out_of_order_gives_the_same_history(sqlite_url: str, tmp_path: Path) -> None:
    scans = [
        ([our_result("p"), our_result("f"), our_result("r")], day(0)),
        ([our_result("p"), our_result("f")], day(10)),
        ([our_result("p"), our_result("r"), our_result("n")], day(20)),
        ([our_result("p"), our_result("r")], day(30)),
    ]
    in_order = f"sqlite:///{tmp_path / 'in-order.db'}"
    with HistoryStore.open(in_order) as store:
        for results, when in scans:
            rec(store, results, when)
        expected = store.snapshot()
    with HistoryStore.open(sqlite_url) as store:
        for results, when in [scans[2], scans[0], scans[3], scans[1]]:
            rec(store, results, when)
        shuffled = store.snapshot()
        rebuild_runs(store)
        rebuilt = store.snapshot()

    def lifecycle(snap: Any) -> dict[str, Any]:
        doc, states = trends(snap, Policy(), now=NOW)
        return {
            "states": sorted(
                (s.finding.fingerprint, s.lifecycle.value, s.introduced_at, s.fixed_at)
                for s in states
            ),
            "totals": doc["totals"],
            "series": doc["series"],
        }

    assert lifecycle(shuffled) == lifecycle(expected) == lifecycle(rebuilt)
    assert ("r", "reopened", day(20), None) in lifecycle(shuffled)["states"]
    assert ("n", "fixed", day(20), day(30)) in lifecycle(shuffled)["states"]


def test_time_to_remediate_mean_and_median_per_severity(sqlite_url: str) -> None:
    with HistoryStore.open(sqlite_url) as store:
        rec(store, [our_result("a"), our_result("b"), our_result("c", severity="low")], day(0))
        rec(store, [our_result("b"), our_result("c", severity="low")], day(4))  # a: 4 days
        rec(store, [our_result("c", severity="low")], day(10))  # b: 10 days
        rec(store, [], day(30))  # c: 30 days
        snap = store.snapshot()
    doc, _ = trends(snap, Policy(), now=NOW)
    high = doc["totals"]["remediation"]["high"]
    assert high == {"fixed": 2, "mean_days": 7.0, "median_days": 7.0}
    assert doc["totals"]["remediation"]["low"] == {
        "fixed": 1, "mean_days": 30.0, "median_days": 30.0,
    }
    assert doc["totals"]["remediation"]["critical"]["mean_days"] is None
    assert doc["totals"]["open"]["total"] == 0


def test_sla_breaches_follow_the_policy(sqlite_url: str) -> None:
    with HistoryStore.open(sqlite_url) as store:
        rec(
            store,
            [
                our_result("old-crit", severity="critical"),  # 59 days > 7
                our_result("old-med", severity="medium"),  # 59 days < 90
                our_result("waived", severity="critical",
                           suppressions=[{"kind": "external"}]),  # waived: no breach
            ],
            day(0),
        )
        snap = store.snapshot()
    doc, _ = trends(snap, Policy(), now=NOW)
    assert doc["totals"]["sla"]["breaches"] == 1
    assert doc["totals"]["sla"]["by_severity"]["critical"] == 1
    (breach,) = doc["sla_breaches"]
    assert breach["fingerprint"] == "old-crit" and breach["sla_days"] == 7
    assert breach["age_days"] == pytest.approx(59.0)
    strict = Policy(sla_days={Severity.MEDIUM: 30, Severity.CRITICAL: 90})
    doc, _ = trends(snap, strict, now=NOW)
    assert [b["fingerprint"] for b in doc["sla_breaches"]] == ["old-med"]


def test_waivers_active_expiring_expired(sqlite_url: str) -> None:
    def waived(fp: str, expires: str | None) -> dict[str, Any]:
        props = {"approver": "alice"} | ({"expires": expires} if expires else {})
        return our_result(fp, suppressions=[{"kind": "external", "properties": props}])

    with HistoryStore.open(sqlite_url) as store:
        rec(
            store,
            [
                waived("forever", None),
                waived("later", "2026-06-01"),
                waived("soon", "2026-03-15"),
                waived("gone", "2026-02-01T00:00:00Z"),
            ],
            day(0),
        )
        snap = store.snapshot()
    doc, _ = trends(snap, Policy(), now=NOW)
    assert doc["totals"]["waivers"] == {"active": 2, "expiring": 1, "expired": 1}


def test_compliance_indicators_across_projects(sqlite_url: str) -> None:
    with HistoryStore.open(sqlite_url) as store:
        # good: correspondent, passing gate on its default branch, nothing past SLA
        rec(store, [our_result("x", severity="low")], day(50), project="good", gate=True)
        store.set_project("good", correspondent="sec@example.com", default_branch="main")
        # late: gate failed, a critical finding open for 59 days
        rec(store, [our_result("y", severity="critical")], day(0), project="late", gate=False)
        # never scanned: cannot be compliant on gate or SLA
        store.set_project("empty", correspondent="ops@example.com")
        snap = store.snapshot()
    doc, _ = trends(snap, Policy(), now=NOW)
    c = doc["compliance"]
    assert c["projects"] == 3
    assert c["with_correspondent"] == {"count": 2, "share": 0.6667}
    assert c["passing_gate_default_branch"] == {"count": 1, "share": 0.3333}
    assert c["no_findings_past_sla"] == {"count": 1, "share": 0.3333}


def test_recorded_gate_defaults_to_fail_on_judgement(sqlite_url: str) -> None:
    with HistoryStore.open(sqlite_url) as store:
        low = store.record(sarif([our_result("l", severity="low")], day(0)), project="p",
                           commit="", branch="", scanned_at=day(0))
        high = store.record(sarif([our_result("h", severity="high")], day(1)), project="p",
                            commit="", branch="", scanned_at=day(1))
        waived = store.record(
            sarif([our_result("w", severity="high", suppressions=[{"kind": "external"}])], day(2)),
            project="p", commit="", branch="", scanned_at=day(2),
        )
    assert (low.gate_passed, high.gate_passed, waived.gate_passed) == (True, False, True)


def test_series_by_period_and_since(sqlite_url: str) -> None:
    with HistoryStore.open(sqlite_url) as store:
        rec(store, [our_result("a"), our_result("b", severity="low")], datetime(2026, 1, 5))
        rec(store, [our_result("b", severity="low")], datetime(2026, 2, 10))  # a fixed
        rec(store, [our_result("b", severity="low"), our_result("c")], datetime(2026, 2, 20),
            project="other")
        snap = store.snapshot()
    doc, _ = trends(snap, Policy(), now=NOW, period="month")
    assert [r["start"][:10] for r in doc["series"]] == ["2026-01-01", "2026-02-01", "2026-03-01"]
    jan, feb, _mar = doc["series"]
    assert jan["open_by_severity"]["high"] == 1 and jan["open"] == 2
    assert (jan["introduced"], jan["fixed"]) == (2, 0)
    # February ends with web's Feb 10 scan (b) plus other's Feb 20 scan (b, c)
    assert feb["open"] == 3 and feb["open_by_owasp"] == {"A05:2025": 3}
    assert (feb["introduced"], feb["fixed"]) == (2, 1)
    doc, _ = trends(snap, Policy(), now=NOW, period="month", since=datetime(2026, 2, 1))
    assert doc["series"][0]["start"][:10] == "2026-02-01"
    assert (doc["totals"]["introduced"], doc["totals"]["fixed"]) == (2, 1)
    web = next(p for p in doc["projects"] if p["name"] == "web")
    assert web["open"]["total"] == 1  # current state is not cut by --since


def test_project_filter_and_unknown_project(sqlite_url: str) -> None:
    from secsdlc.history.interface import HistoryError

    with HistoryStore.open(sqlite_url) as store:
        rec(store, [our_result("a")], day(0), project="one")
        rec(store, [our_result("b")], day(0), project="two")
        snap = store.snapshot(project="two")
        with pytest.raises(HistoryError, match="no project named 'three'"):
            store.snapshot(project="three")
    doc, states = trends(snap, Policy(), now=NOW)
    assert [p["name"] for p in doc["projects"]] == ["two"]
    assert [s.finding.fingerprint for s in states] == ["b"]
