"""A CI job is enforce mode also where CI is not set: Jenkins, Azure Pipelines, TeamCity, AWS
CodeBuild and Bamboo never set it, and a GitHub workflow may set `CI: false` for its other tools
while GITHUB_ACTIONS stays. The result cache already treats these jobs as CI (a key for the run
alone); the mode does not yet, so an unsigned loosening configuration decides there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.enforce.conftest import VULN, run_cli

LOOSENING = '[tool.secsdlc.policy]\nfail-on = "critical"\n'
NOT_YET = ("mode.detect reads CI only; using mode.ci_system there needs the GitHub job tests "
           "(tests/ci) to set CI=true as GitHub does")


@pytest.mark.xfail(strict=True, reason=NOT_YET)
@pytest.mark.parametrize("job", [
    {"JENKINS_URL": "https://jenkins.example.invalid/", "BUILD_ID": "12"},
    {"TF_BUILD": "True"},
    {"TEAMCITY_VERSION": "2025.07"},
    {"CODEBUILD_BUILD_ID": "demo:b1e6661e"},
    {"GITHUB_ACTIONS": "true", "CI": "false"},
], ids=["jenkins", "azure", "teamcity", "codebuild", "github-ci-false"])
def test_ci_job_without_ci_variable_loosens_the_policy(project: Any, tmp_path: Path,
                                                      job: dict[str, str]) -> None:
    root = project({"app.py": VULN, "pyproject.toml": LOOSENING})
    proc = run_cli("scan", str(root), "--scanners", "bandit", "--format", "json", "--no-cache",
                   env={"XDG_CONFIG_HOME": str(tmp_path / "config"), **job})
    doc = json.loads(proc.stdout)
    assert doc["mode"] == "enforce"
    assert proc.returncode == 1, doc["findings"]
