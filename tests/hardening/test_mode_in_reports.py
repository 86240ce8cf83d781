"""Issue 13, item 1: the mode is printed in every report and recorded in the SARIF."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from secsdlc.ci import summary
from secsdlc.gate.interface import Verdict
from secsdlc.report import jsonout, markdown, text
from secsdlc.sarif.writer import dumps

from ..signoff.world import finding, result


@pytest.mark.parametrize("mode", ["advisory", "enforce"])
def test_every_report_names_the_mode(mode: str) -> None:
    res = replace(result(finding("f1")), mode=mode)
    verdict = Verdict(passed=False, gate="policy", reasons=("1 finding",))
    out = io.StringIO()
    text.render(res, verdict, out, color=False)
    assert f"({mode} mode)" in out.getvalue().splitlines()[0]
    assert f"Mode: {mode}" in markdown.render(res, verdict)
    assert json.loads(jsonout.render(res, verdict))["mode"] == mode
    job = summary.render(summary.SummaryInput(
        result=res, verdict=verdict, scope="push", new=(), blocking_fingerprints=frozenset(),
        expiring=(), link=lambda f: "", repo_path=lambda f: f.location.path))
    assert f"Mode: {mode}" in job.split("####")[0]
    runs = json.loads(dumps(res, verdict))["runs"]
    assert {run["invocations"][0]["properties"]["secsdlc/mode"] for run in runs} == {mode}
