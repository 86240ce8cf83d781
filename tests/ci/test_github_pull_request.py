"""`secsdlc ci github` on a pull request: a real repository, real bandit and secrets scanners."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from .conftest import JOB_CONFIG, PLANTED_KEY, GitHubJob, JobResult, Repo, git

SCANNERS = ("--scanners", "bandit,secrets")

PR_FILES = {
    # new, high: blocks
    "app/new.py": (
        "import subprocess\n\n\n"
        "def run(cmd):\n"
        "    return subprocess.call(cmd, shell=True)\n\n\n"
        "def reviewed(cmd):\n"
        "    return subprocess.Popen(cmd, shell=True)  "
        "# secsdlc: ignore[B602] fixed argument list, reviewed\n"
    ),
    # new secret: blocks, and its value must never be printed anywhere
    "app/settings.py": f'AWS_ACCESS_KEY_ID = "{PLANTED_KEY}"\n',
    # the old finding is still there but moved down: unchanged, must not block
    "app/legacy.py": (
        "import subprocess\n\n# a comment the pull request added\n\n"
        "def legacy(cmd):\n"
        "    return subprocess.call(cmd, shell=True)\n"
    ),
}


def _results(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for run in doc["runs"] for r in run.get("results", [])]


@pytest.fixture
def pr(repo: Repo, job: GitHubJob) -> tuple[Repo, JobResult]:
    repo.head_sha = repo.commit(PR_FILES, "feature work")
    event = job.pull_request_event(repo, number=42)
    result = job.run(repo.root, *SCANNERS, event_path=event, sha="f" * 40, config=JOB_CONFIG)
    return repo, result


def test_gate_fails_on_new_blocking_findings_only(pr: tuple[Repo, JobResult]) -> None:
    _, r = pr
    assert r.proc.returncode == 1, r.proc.stderr
    out = r.outputs
    assert out["gate"] == "failed"
    assert out["exit-code"] == "1"
    assert out["blocking-findings"] == "2"
    # B602 and the key are new; the suppressed Popen is not counted, nor legacy's unchanged one
    new_rules = sorted(f["ruleId"] for f in _results(r.sarif())
                       if f.get("baselineState") == "new" and not f.get("suppressions"))
    assert out["new-findings"] == str(len(new_rules))
    assert "B602" in new_rules
    assert out["high"] == "3"  # new.py B602, the key, legacy's unchanged B602 (still open)
    assert Path(out["sarif"]).is_file() and Path(out["upload-sarif"]).is_file()


def test_annotations_point_at_new_blocking_findings(pr: tuple[Repo, JobResult]) -> None:
    _, r = pr
    errors = [a for a in r.annotations if a.startswith("::error ")]
    assert len(errors) == 2, r.annotations
    assert any(a.startswith("::error file=app/new.py,line=5,") and "title=secsdlc high%3A B602"
               in a for a in errors), errors
    assert any("file=app/settings.py,line=1," in a for a in errors), errors
    assert not any("legacy.py" in a for a in r.annotations), "unchanged findings do not block"
    assert not any("line=9," in a for a in r.annotations), "suppressed findings do not block"


def test_summary_links_new_findings_at_the_head_commit(pr: tuple[Repo, JobResult]) -> None:
    repo, r = pr
    s = r.summary
    assert "secsdlc gate failed" in s
    assert "Pull request #42: diff-aware scan against `main`" in s
    assert repo.base_sha[:12] in s
    link = f"https://github.example/acme/demo/blob/{repo.head_sha}/app/new.py#L5"
    assert f"[app/new.py:5]({link})" in s
    new_table = s.split("#### New findings", 1)[1]
    assert "legacy.py" not in new_table
    assert "| critical | high | medium | low | info | new |" in s
    assert "A05:2025" in s  # OWASP table (command injection)
    assert "1 suppressed or waived" in s


def test_upload_sarif_leaves_out_suppressed_results_and_stays_valid(
        pr: tuple[Repo, JobResult], sarif_schema: dict[str, Any]) -> None:
    _, r = pr
    full, upload = r.sarif(), r.upload
    suppressed = [x for x in _results(full) if x.get("suppressions")]
    assert len(suppressed) == 1 and suppressed[0]["locations"][0]["physicalLocation"][
        "region"]["startLine"] == 9
    assert not [x for x in _results(upload) if x.get("suppressions")]
    assert len(_results(upload)) == len(_results(full)) - 1
    jsonschema.validate(upload, sarif_schema)
    ids = [run["automationDetails"]["id"] for run in upload["runs"]]
    assert ids == [f"secsdlc/{run['tool']['driver']['name']}/" for run in upload["runs"]]
    assert len(set(ids)) == len(ids)


def test_no_secret_in_any_output(pr: tuple[Repo, JobResult]) -> None:
    _, r = pr
    texts = [r.proc.stdout, r.proc.stderr, r.summary, json.dumps(r.outputs)]
    texts += [p.read_text(encoding="utf-8") for p in r.out_dir.iterdir() if p.is_file()]
    for text in texts:
        assert PLANTED_KEY not in text
    assert "secrets" in r.summary or "aws" in r.summary.lower()


def test_fixed_finding_is_left_out_and_pull_request_passes(repo: Repo, job: GitHubJob) -> None:
    # the pull request only fixes the legacy finding: nothing new, gate passes
    repo.head_sha = repo.commit({"app/legacy.py": "def legacy(cmd):\n    return cmd\n"}, "fix")
    r = job.run(repo.root, *SCANNERS, event_path=job.pull_request_event(repo))
    assert r.proc.returncode == 0, r.proc.stderr + r.summary
    assert r.outputs["gate"] == "passed"
    assert r.outputs["new-findings"] == "0"
    assert r.outputs["high"] == "0"
    assert not [a for a in r.annotations if a.startswith("::error")]
    absent = [x for x in _results(r.sarif()) if x.get("baselineState") == "absent"]
    assert absent, "the full SARIF records what the change fixed"
    assert not [x for x in _results(r.upload) if x.get("baselineState") == "absent"]
    assert "secsdlc gate passed" in r.summary
    assert "No new findings." in r.summary


def test_push_event_scans_everything(repo: Repo, job: GitHubJob) -> None:
    head = repo.commit(PR_FILES, "feature work")
    r = job.run(repo.root, *SCANNERS, event="push", sha=head, config=JOB_CONFIG)
    assert r.proc.returncode == 1
    assert "Full scan (push)" in r.summary
    # no diff: legacy's finding counts and blocks too
    assert any("file=app/legacy.py,line=6," in a for a in r.annotations), r.annotations
    assert r.outputs["blocking-findings"] == "3"
    assert f"/blob/{head}/app/legacy.py#L6" in r.summary


def test_shallow_merge_commit_checkout_fetches_the_base(
        repo: Repo, job: GitHubJob, tmp_path: Path) -> None:
    """As actions/checkout does for a pull request: depth 1 of the merge commit, base moved on."""
    repo.head_sha = repo.commit(PR_FILES, "feature work")
    git(repo.root, "checkout", "-q", "main")
    for i in range(3):
        repo.base_sha = repo.commit({f"docs/n{i}.txt": f"{i}\n"}, f"main {i}")
    git(repo.root, "checkout", "-q", "-b", "pull/42/merge")
    git(repo.root, "merge", "-q", "--no-ff", "-m", "Merge feature into main", "feature")
    merge_sha = git(repo.root, "rev-parse", "HEAD")
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth=1", "--branch", "pull/42/merge",
        f"file://{repo.root}", str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository") == "true"
    r = job.run(clone, *SCANNERS, event_path=job.pull_request_event(repo), sha=merge_sha,
                config=JOB_CONFIG)
    assert r.proc.returncode == 1, r.proc.stderr
    assert r.outputs["blocking-findings"] == "2", r.summary
    assert not any("legacy.py" in a for a in r.annotations)
    assert "docs/" not in r.summary


def test_bad_event_payload_fails_closed_naming_the_file_and_key(
        repo: Repo, job: GitHubJob) -> None:
    event = job.tmp / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 1, "base": {"ref": "main"},
                                                  "head": {"sha": "a" * 40}}}))
    r = job.run(repo.root, *SCANNERS, event_path=event)
    assert r.proc.returncode == 2
    assert f"{event}: pull_request.base.sha: missing" in r.proc.stderr
    event.write_text("{not json")
    r = job.run(repo.root, *SCANNERS, event_path=event)
    assert r.proc.returncode == 2
    assert f"{event}: event payload is not JSON (line 1" in r.proc.stderr


def test_scan_that_cannot_run_reports_an_error_gate(repo: Repo, job: GitHubJob) -> None:
    repo.head_sha = repo.commit({"app/more.py": "x = 1\n"}, "more")
    r = job.run(repo.root, *SCANNERS, event_path=job.pull_request_event(repo),
                config="fail-on = 12\n")
    assert r.proc.returncode == 2
    assert r.outputs["gate"] == "error"
    assert r.outputs["sarif"] == "" and r.outputs["upload-sarif"] == ""
    assert "could not be checked" in r.summary
    assert ".secsdlc.toml" in r.proc.stderr


def test_blocking_follows_the_policy_per_directory(repo: Repo, job: GitHubJob) -> None:
    policy = (JOB_CONFIG + '[policy]\nfail-on = "critical"\n'
              '[policy.overrides."app/strict"]\nfail-on = "low"\n')
    repo.head_sha = repo.commit({
        "app/new.py": PR_FILES["app/new.py"],  # high: below the root's critical
        "app/strict/tool.py": "import subprocess\n",  # low: blocks under app/strict
    }, "code")
    r = job.run(repo.root, "--scanners", "bandit", event_path=job.pull_request_event(repo),
                config=policy)
    assert r.proc.returncode == 1, r.proc.stderr
    assert r.outputs["blocking-findings"] == "1"
    errors = [a for a in r.annotations if a.startswith("::error ")]
    assert len(errors) == 1 and "file=app/strict/tool.py,line=1," in errors[0]
    assert "B404 at app/strict/tool.py:1 (fail-on low)" in r.summary
