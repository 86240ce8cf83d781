"""SARIF 2.1.0: the official schema and Microsoft's validator (default and GitHub rules)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.resources import REPO, SARIF_SCHEMA, tools_required

_RESULT_LINE = re.compile(r": (error|warning) [A-Z]+[0-9]+: ")


def _multitool() -> list[str]:
    env_tool = os.environ.get("SECSDLC_SARIF_MULTITOOL")
    local = str(REPO / ".tools" / "node_modules" / ".bin" / "sarif-multitool")
    for candidate in (env_tool, local, shutil.which("sarif-multitool")):
        if candidate and Path(candidate).exists():
            return [candidate]
    if tools_required():
        pytest.fail("sarif-multitool is not installed (npm install @microsoft/sarif-multitool)")
    pytest.skip("sarif-multitool not installed")


def _validate(path: Path, *extra: str) -> list[str]:
    proc = subprocess.run([*_multitool(), "validate", str(path), *extra], capture_output=True,
                          text=True, timeout=300)
    assert "Analysis completed successfully" in proc.stdout, proc.stdout + proc.stderr
    return [line for line in proc.stdout.splitlines() if _RESULT_LINE.search(line)]


def test_valid_against_official_schema(example_scan: dict[str, Any]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema.validate(example_scan["sarif"], schema)


def test_one_run_per_scanner_with_distinct_categories(example_scan: dict[str, Any]) -> None:
    runs = example_scan["sarif"]["runs"]
    assert [r["tool"]["driver"]["name"] for r in runs] == ["taint", "semgrep", "bandit",
                                                           "secrets"]
    ids = [r["automationDetails"]["id"] for r in runs]
    assert len(set(ids)) == len(ids)
    for run in runs:
        assert run["invocations"][0]["executionSuccessful"] is True
        driver = run["tool"]["driver"]
        assert driver["version"] and driver["informationUri"]
        rule_ids = [r["id"] for r in driver["rules"]]
        for rule in driver["rules"]:
            props = rule["properties"]
            assert "security" in props["tags"]
            assert any(t.startswith("external/cwe/cwe-") for t in props["tags"])
            assert float(props["security-severity"]) >= 0
            assert rule["help"]["text"] and rule["shortDescription"]["text"]
        for result in run["results"]:
            assert rule_ids[result["ruleIndex"]] == result["ruleId"]
            loc = result["locations"][0]["physicalLocation"]
            assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert not loc["artifactLocation"]["uri"].startswith("/")
            assert len(result["partialFingerprints"]["secsdlc/v1"]) == 32
            sev = result["properties"]["severity"]
            expected = {"critical": "error", "high": "error", "medium": "warning"}.get(sev, "note")
            assert result["level"] == expected


def test_taint_results_carry_their_path_as_a_code_flow(example_scan: dict[str, Any]) -> None:
    (run,) = [r for r in example_scan["sarif"]["runs"] if r["tool"]["driver"]["name"] == "taint"]
    assert run["results"]
    for result in run["results"]:
        (flow,) = result["codeFlows"]
        steps = flow["threadFlows"][0]["locations"]
        assert steps[0]["kinds"] == ["source"] and steps[-1]["kinds"] == ["sink"]
        assert [s["executionOrder"] for s in steps] == list(range(1, len(steps) + 1))
        sink = steps[-1]["location"]["physicalLocation"]
        primary = result["locations"][0]["physicalLocation"]
        assert sink["artifactLocation"] == primary["artifactLocation"]
        assert sink["region"]["startLine"] == primary["region"]["startLine"]


def test_microsoft_validator_reports_nothing(example_scan: dict[str, Any]) -> None:
    path = example_scan["sarif_path"]
    assert _validate(path) == []
    assert _validate(path, "--rule-kind", "Gh") == []


def test_validator_does_catch_a_broken_file(example_scan: dict[str, Any], tmp_path: Path) -> None:
    """Control: the validator check above is able to fail."""
    doc = json.loads(json.dumps(example_scan["sarif"]))
    for run in doc["runs"]:
        for rule in run["tool"]["driver"]["rules"]:
            del rule["help"]
    broken = tmp_path / "broken.sarif"
    broken.write_text(json.dumps(doc))
    assert any("GH2012" in line for line in _validate(broken, "--rule-kind", "Gh"))


def test_sarif_reads_back(example_scan: dict[str, Any]) -> None:
    from secsdlc.sarif.reader import read_sarif

    result = read_sarif(example_scan["sarif_path"])
    by_fp = {f["fingerprint"]: f for f in example_scan["json"]["findings"]}
    assert {f.fingerprint for f in result.findings} == set(by_fp)
    for f in result.findings:
        assert f.severity.value == by_fp[f.fingerprint]["severity"]
        assert f.location.path == by_fp[f.fingerprint]["path"]


@pytest.mark.parametrize("content, problem", [
    ("{", "not valid JSON (line 1"),
    ('{"version": "2.0.0", "runs": []}', "$.version"),
    ('{"version": "2.1.0"}', "$.runs"),
    ('{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": '
     '[{"ruleId": "r", "message": {"text": "m"}}]}]}', "$.runs[0].results[0].locations"),
])
def test_bad_sarif_is_rejected_naming_file_and_problem(tmp_path: Path, content: str,
                                                        problem: str) -> None:
    from secsdlc.sarif.reader import SarifError, read_sarif

    path = tmp_path / "bad.sarif"
    path.write_text(content)
    with pytest.raises(SarifError) as err:
        read_sarif(path)
    assert str(path) in str(err.value) and problem in str(err.value)
