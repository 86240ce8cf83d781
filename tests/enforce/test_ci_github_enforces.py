"""`secsdlc ci github` decides on the same path as `secsdlc scan`: in a GitHub job (CI=true and
GITHUB_ACTIONS=true, which GitHub sets; a workflow may set CI to false, never GITHUB_ACTIONS) it
runs in enforce mode, so a commit that loosens the configuration or adds an unapproved suppression
does not pass there either, and the code-scanning upload shows what was hidden. Reproduced by hand
on a developer's machine, without those variables, it is advisory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ci.conftest import GitHubJob
from tests.enforce.conftest import VULN, commit_all, git

LOOSENING = '[tool.secsdlc.policy]\nfail-on = "critical"\n'
SUPPRESSED = ("import requests\n\n\ndef fetch(url):\n"
              "    return requests.get(url, verify=False)  # nosec\n")


def _results(sarif: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for run in sarif["runs"] for r in run["results"]]


@pytest.mark.parametrize(("mode", "ci", "job_env"), [
    ("advisory", False, {}), ("enforce", True, {}), ("enforce", True, {"CI": "false"})],
    ids=["by-hand", "github", "github-ci-false"])
def test_ci_github_with_a_loosening_config_and_an_unapproved_suppression(
        project: Any, mode: str, ci: bool, job_env: dict[str, str], tmp_path: Path) -> None:
    root = project({"app.py": VULN, "quiet.py": SUPPRESSED, "pyproject.toml": LOOSENING})
    for args in (("init", "-q", "-b", "main"), ("config", "user.email", "dev@example.com"),
                 ("config", "commit.gpgsign", "false")):
        git(root, *args)
    sha = commit_all(root, "loosened and silenced")
    job_dir = tmp_path / "job"
    job_dir.mkdir()
    ci = GitHubJob(tmp=job_dir).run(
        root, "--scanners", "bandit,semgrep", event="push", sha=sha, ci=ci, extra_env=job_env)
    sarif = ci.sarif()
    assert {run["invocations"][0]["properties"]["secsdlc/mode"]
            for run in sarif["runs"]} == {mode}
    if mode == "advisory":
        # the repository's configuration applies as written on a developer's machine
        assert ci.proc.returncode == 0, ci.proc.stdout + ci.proc.stderr
        assert ci.outputs["gate"] == "passed"
        return
    assert ci.proc.returncode == 1, ci.proc.stdout + ci.proc.stderr
    assert ci.outputs["gate"] == "failed"
    assert "pyproject.toml is not signed by a correspondent and is ignored" in ci.proc.stderr
    blocking = {(line.split("file=", 1)[1].split(",", 1)[0])
                for line in ci.annotations if line.startswith("::error file=")}
    assert blocking == {"app.py", "quiet.py"}, ci.annotations
    uploaded = _results(ci.upload)
    # the hidden finding and the report of its suppression both reach code scanning
    assert any(r["ruleId"] == "secsdlc.unapproved-suppression" for r in uploaded)
    hidden = [r for r in uploaded if r["ruleId"] != "secsdlc.unapproved-suppression"
              and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "quiet.py"
              and r["properties"]["severity"] == "high"]
    assert hidden and all(s["status"] == "underReview"
                          for r in hidden for s in r["suppressions"]), uploaded
