"""A real git repository with a base branch and a pull-request branch, and a simulated GitHub job.

`GitHubJob.run` starts `secsdlc ci github` in a subprocess, as the action does, with the variables
the runner sets (CI and GITHUB_ACTIONS, so enforce mode; GITHUB_EVENT_PATH pointing at a
pull_request payload, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT as temp files) and returns everything
the runner would read back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from secsdlc.ci.outputs import parse_outputs
from tests.conftest import outside_ci
from tests.resources import SARIF_SCHEMA

# What GitHub sets in every job to say it is CI ("Default environment variables"): a step may
# override CI, never GITHUB_ACTIONS.
GITHUB_SETS = {"CI": "true", "GITHUB_ACTIONS": "true"}
# The job's own configuration, outside the repository and so trusted in enforce mode: bandit's own
# severities (B602 high) whatever the pack down-ranks, and reviewed inline suppressions up to high.
JOB_CONFIG = ('[scanners.bandit]\nall-checks = true\n'
              '[suppressions]\ninline-up-to = "high"\n')

# Built at run time so that no secrets scanner flags this test file itself.
PLANTED_KEY = "AKIA" + "IOSFODNN7" + "QWERTYU"

BASE_FILES = {
    "app/legacy.py": (
        "import subprocess\n\n\n"
        "def legacy(cmd):\n"
        "    return subprocess.call(cmd, shell=True)\n"
    ),
    "app/util.py": "def add(a, b):\n    return a + b\n",
    # bandit's own severities (B602 high), whatever checks the pack down-ranks by default
    "pyproject.toml": '[project]\nname = "demo"\nversion = "0"\n'
                      '[tool.secsdlc.scanners.bandit]\nall-checks = true\n',
}


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"})
    return proc.stdout.strip()


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@dataclass
class Repo:
    root: Path
    base_sha: str = ""
    head_sha: str = ""

    def commit(self, files: dict[str, str], message: str) -> str:
        write(self.root, files)
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", message)
        return git(self.root, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    r = Repo(root=root)
    r.base_sha = r.commit(BASE_FILES, "base")
    git(root, "checkout", "-q", "-b", "feature")
    return r


@dataclass
class JobResult:
    proc: subprocess.CompletedProcess[str]
    summary: str
    outputs: dict[str, str]
    out_dir: Path

    @property
    def annotations(self) -> list[str]:
        return [line for line in self.proc.stdout.splitlines() if line.startswith("::")]

    def sarif(self, name: str = "secsdlc.sarif") -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.out_dir / name).read_text(encoding="utf-8"))
        return data

    @property
    def upload(self) -> dict[str, Any]:
        return self.sarif("secsdlc-upload.sarif")


@dataclass
class GitHubJob:
    tmp: Path

    def pull_request_event(self, repo: Repo, *, number: int = 7) -> Path:
        path = self.tmp / "event.json"
        path.write_text(json.dumps({
            "action": "synchronize",
            "number": number,
            "pull_request": {"number": number,
                             "base": {"ref": "main", "sha": repo.base_sha},
                             "head": {"ref": "feature", "sha": repo.head_sha}},
        }), encoding="utf-8")
        return path

    def run(self, cwd: Path, *args: str, event: str = "pull_request",
            event_path: Path | None = None, sha: str = "",
            extra_env: dict[str, str] | None = None, config: str | None = None,
            ci: bool = True) -> JobResult:
        """`config`: the job's own configuration file (the Action's `config` input), outside
        the repository. `ci=False`: the job reproduced by hand on a developer's machine, with
        GitHub's files and event but none of the variables that make a run CI."""
        if config is not None:
            job_config = self.tmp / "config" / ".secsdlc.toml"
            job_config.parent.mkdir(exist_ok=True)
            job_config.write_text(config, encoding="utf-8")
            args = ("--config", str(job_config), *args)
        summary = self.tmp / "step_summary.md"
        output = self.tmp / "github_output.txt"
        # the runner hands the step files that may already hold other steps' content
        summary.write_text("earlier step\n", encoding="utf-8")
        output.write_text("earlier=1\n", encoding="utf-8")
        out_dir = self.tmp / "results"
        env = {
            **outside_ci(os.environ),
            **(GITHUB_SETS if ci else {}),
            "SEMGREP_ENABLE_VERSION_CHECK": "0",
            "SECSDLC_CACHE_DIR": str(self.tmp / "cache"),
            "GITHUB_EVENT_NAME": event,
            "GITHUB_WORKSPACE": str(cwd),
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_OUTPUT": str(output),
            "GITHUB_SERVER_URL": "https://github.example",
            "GITHUB_REPOSITORY": "acme/demo",
            "GITHUB_SHA": sha,
            **(extra_env or {}),
        }
        if event_path is not None:
            env["GITHUB_EVENT_PATH"] = str(event_path)
        else:
            env.pop("GITHUB_EVENT_PATH", None)
        proc = subprocess.run(
            [sys.executable, "-m", "secsdlc", "ci", "github", "--output-dir", str(out_dir),
             *args],
            cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        text = summary.read_text(encoding="utf-8")
        assert text.startswith("earlier step\n"), "the summary file must be appended to"
        outputs = parse_outputs(output.read_text(encoding="utf-8"))
        assert outputs.pop("earlier", None) == "1", "GITHUB_OUTPUT must be appended to"
        return JobResult(proc=proc, summary=text, outputs=outputs, out_dir=out_dir)


@pytest.fixture
def job(tmp_path: Path) -> GitHubJob:
    d = tmp_path / "job"
    d.mkdir()
    return GitHubJob(tmp=d)


@pytest.fixture(scope="session")
def sarif_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return schema
