"""A CI job is enforce mode also where CI is not set: Jenkins, Azure Pipelines, TeamCity, AWS
CodeBuild and Bamboo never set it, and a GitHub workflow may set `CI: false` for its other tools
while GITHUB_ACTIONS stays (GitHub forbids overriding GITHUB_*). Without `--enforce`, an unsigned
loosening configuration does not decide there, as it does not where CI=true."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.enforce.conftest import VULN, run_cli

LOOSENING = '[tool.secsdlc.policy]\nfail-on = "critical"\n'

# what each system documents as set in every job, and nothing more
JOBS = {
    "github": {"CI": "true", "GITHUB_ACTIONS": "true"},
    "github-ci-false": {"GITHUB_ACTIONS": "true", "CI": "false"},
    "gitlab": {"CI": "true", "GITLAB_CI": "true"},
    "jenkins": {"JENKINS_URL": "https://jenkins.example.invalid/", "BUILD_ID": "12"},
    "jenkins-build-id-only": {"BUILD_ID": "12"},
    "azure": {"TF_BUILD": "True"},
    "teamcity": {"TEAMCITY_VERSION": "2025.07"},
    "codebuild": {"CODEBUILD_BUILD_ID": "demo:b1e6661e"},
    "bamboo": {"bamboo_buildKey": "PROJ-PLAN-JOB1"},
    "buildkite": {"BUILDKITE": "true", "CI": "false"},
    "circleci": {"CIRCLECI": "true", "CI": "0"},
    "bitbucket": {"BITBUCKET_BUILD_NUMBER": "3"},
    "woodpecker": {"CI": "woodpecker"},
}


def _scan(root: Path, tmp_path: Path, job: dict[str, str]) -> tuple[int, dict[str, Any]]:
    proc = run_cli("scan", str(root), "--scanners", "bandit", "--format", "json", "--no-cache",
                   env={"XDG_CONFIG_HOME": str(tmp_path / "config"), **job})
    doc: dict[str, Any] = json.loads(proc.stdout)
    return proc.returncode, doc


@pytest.mark.parametrize("job", JOBS.values(), ids=JOBS.keys())
def test_ci_job_without_ci_variable_loosens_the_policy(project: Any, tmp_path: Path,
                                                      job: dict[str, str]) -> None:
    root = project({"app.py": VULN, "pyproject.toml": LOOSENING})
    rc, doc = _scan(root, tmp_path, job)
    assert doc["mode"] == "enforce"
    assert rc == 1, doc["findings"]


@pytest.mark.parametrize("unset", ["", "0", "false", "no", "off", "False"])
def test_developer_machine_with_ci_variables_unset_is_advisory(project: Any, tmp_path: Path,
                                                               unset: str) -> None:
    """A variable that is empty or says false is not CI: the repository's configuration applies
    as written, and the developer sees the loosening take effect."""
    from secsdlc.mode import CI_VARIABLES

    root = project({"app.py": VULN, "pyproject.toml": LOOSENING})
    rc, doc = _scan(root, tmp_path, dict.fromkeys(CI_VARIABLES, unset))
    assert doc["mode"] == "advisory"
    assert rc == 0, doc["findings"]
