"""The code-scanning SARIF and the job summary, from results built with our own model."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

import jsonschema
import pytest

from secsdlc.ci import summary, upload
from secsdlc.ci.github import _expiring
from secsdlc.gate.interface import Verdict
from secsdlc.model import (
    Confidence,
    Finding,
    Fingerprint,
    Location,
    Rule,
    RuleId,
    ScannerName,
    ScannerRun,
    ScanResult,
    Severity,
    Suppression,
    ToolInfo,
)
from secsdlc.sarif.writer import to_sarif
from secsdlc.signoff.canonical import timestamp

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


def f(fp: str, *, line: int = 1, severity: Severity = Severity.HIGH, rule: str = "B602",
      path: str = "app/x.py", message: str = "shell injection", state: str | None = "new",
      suppressions: tuple[Suppression, ...] = ()) -> Finding:
    return Finding(rule_id=RuleId(rule), scanners=(ScannerName("bandit"),), message=message,
                   severity=severity, confidence=Confidence.HIGH,
                   location=Location(path=path, start_line=line), fingerprint=Fingerprint(fp),
                   owasp_2025=("A05:2025",), baseline_state=state, suppressions=suppressions)


def waiver(expires: datetime, wid: str = "W-1") -> Suppression:
    return Suppression(kind="external", justification="accepted risk",
                       properties={"expires": timestamp(expires), "waiver-id": wid,
                                   "approver": "alice"})


IN_SOURCE = Suppression(kind="inSource", justification="reviewed")


def result(*findings: Finding, tools: tuple[str, ...] = ("bandit", "secrets")) -> ScanResult:
    rules = {x.rule_id: Rule(id=x.rule_id, name=x.rule_id, short_description="d",
                             severity=x.severity) for x in findings}
    runs = tuple(
        ScannerRun(tool=ToolInfo(name=ScannerName(t), version="1", information_uri="https://x"),
                   rules=rules if i == 0 else {}, findings=findings if i == 0 else (),
                   succeeded=True)
        for i, t in enumerate(tools))
    return ScanResult(root="/tmp/project", runs=runs)


@pytest.fixture
def mixed() -> ScanResult:
    return result(
        f("a", line=1),
        f("b", line=2, suppressions=(waiver(NOW + timedelta(days=3)),)),
        f("c", line=3, suppressions=(IN_SOURCE,)),
        f("d", line=4, state="absent"),
        f("e", line=5, state="unchanged"),
        f("g", line=6, suppressions=(waiver(NOW + timedelta(days=30), "W-2"),)),
    )


def _lines(doc: dict[str, Any]) -> list[int]:
    return [r["locations"][0]["physicalLocation"]["region"]["startLine"]
            for run in doc["runs"] for r in run.get("results", [])]


def test_upload_keeps_open_results_only(mixed: ScanResult,
                                        sarif_schema: dict[str, Any]) -> None:
    doc = to_sarif(mixed)
    out = upload.for_upload(doc, category="secsdlc/backend")
    assert _lines(out.doc) == [1, 5]  # new and unchanged stay: both are open
    assert (out.suppressed, out.absent, out.over_limit, out.kept) == (3, 1, 0, 2)
    assert [r["automationDetails"]["id"] for r in out.doc["runs"]] == [
        "secsdlc/backend/bandit/", "secsdlc/backend/secrets/"]
    jsonschema.validate(out.doc, sarif_schema)
    assert _lines(doc) == [1, 2, 3, 4, 5, 6], "the full SARIF is not modified"


def test_upload_over_the_result_limit_keeps_the_most_severe(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upload, "MAX_RESULTS_PER_RUN", 2)
    doc = to_sarif(result(f("1", line=1, severity=Severity.LOW, rule="B1"),
                          f("2", line=2, severity=Severity.CRITICAL, rule="B2"),
                          f("3", line=3, severity=Severity.MEDIUM, rule="B3")))
    out = upload.for_upload(doc, category="secsdlc")
    assert sorted(_lines(out.doc)) == [2, 3]
    assert out.over_limit == 1


def test_upload_refuses_what_code_scanning_would_reject() -> None:
    doc = to_sarif(result(f("a")))
    doc["runs"].append(doc["runs"][0])
    with pytest.raises(upload.UploadError, match="two runs of bandit: merge them first"):
        upload.for_upload(doc, category="secsdlc")
    with pytest.raises(upload.UploadError, match="category 'a b'"):
        upload.for_upload(to_sarif(result(f("a"))), category="a b")
    many = to_sarif(result(f("a"), tools=tuple(f"t{i}" for i in range(21))))
    with pytest.raises(upload.UploadError, match="21 runs, GitHub accepts at most 20"):
        upload.for_upload(many, category="secsdlc")


def test_waivers_expiring_within_a_week_are_listed(mixed: ScanResult) -> None:
    expiring = _expiring(mixed, NOW)
    assert [w.waiver_id for w in expiring] == ["W-1"]
    text = summary.render(summary.SummaryInput(
        result=mixed, verdict=Verdict(passed=True, gate="policy"), scope="Full scan.",
        new=[x for x in mixed.findings if not x.suppressed and x.baseline_state == "new"],
        blocking_fingerprints=frozenset(), expiring=expiring,
        link=lambda x: f"https://h/blob/abc/{x.location.path}#L{x.location.start_line}",
        repo_path=lambda x: x.location.path))
    section = text.split("#### Waivers expiring within 7 days (1)", 1)[1]
    assert "| `W-1` | 2026-11-30 12:00 UTC | alice | app/x.py:2 | `B602` |" in section
    assert "W-2" not in text
    assert "[app/x.py:1](https://h/blob/abc/app/x.py#L1)" in text
    # counts: open = not suppressed and not fixed (lines 1 and 5)
    assert "| 0 | 2 | 0 | 0 | 0 | 1 |" in text


def test_summary_cells_cannot_break_the_table_or_inject_html() -> None:
    evil = f("a", message="<img src=x onerror=alert(1)> | col `code`\nsecond line")
    text = summary.render(summary.SummaryInput(
        result=result(evil), verdict=Verdict(passed=False, gate="policy",
                                             reasons=("1 finding | <b>x</b>",)),
        scope="s", new=[evil], blocking_fingerprints=frozenset({"a"}), expiring=[],
        link=lambda x: "", repo_path=lambda x: x.location.path))
    row = next(line for line in text.splitlines() if line.startswith("| :x: |"))
    assert "<img" not in text
    assert row.endswith("| &lt;img src=x onerror=alert(1)&gt; \\| col 'code' |")
    assert len(re.findall(r"(?<!\\)\|", row)) == 6  # five cells: only the table's own pipes
    assert "- 1 finding \\| &lt;b&gt;x&lt;/b&gt;" in text
