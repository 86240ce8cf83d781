"""`ci github --from-sarif`: refusals that keep a gate job from passing on the wrong input."""

from __future__ import annotations

import json
from pathlib import Path

from secsdlc.model import ScannerName, ScannerRun, ScanResult, ToolInfo
from secsdlc.sarif.writer import to_sarif

from .conftest import GitHubJob, Repo


def _clean_sarif(path: Path, root: Path, *, runs_of_bandit: int) -> Path:
    run = ScannerRun(tool=ToolInfo(name=ScannerName("bandit"), version="1",
                                   information_uri="https://bandit.readthedocs.io"),
                     rules={}, findings=(), succeeded=True)
    doc = to_sarif(ScanResult(root=str(root), runs=(run,)))
    doc["runs"] = doc["runs"] * runs_of_bandit
    path.write_text(json.dumps(doc))
    return path


def test_clean_sarif_passes(repo: Repo, job: GitHubJob) -> None:
    sarif = _clean_sarif(job.tmp / "clean.sarif", repo.root, runs_of_bandit=1)
    r = job.run(repo.root, "--from-sarif", str(sarif), event="push")
    assert r.proc.returncode == 0, r.proc.stderr
    assert r.outputs["gate"] == "passed"
    assert r.outputs["upload-sarif"].endswith("secsdlc-upload.sarif")


def test_an_upload_code_scanning_would_reject_fails_the_step(repo: Repo, job: GitHubJob) -> None:
    # two runs of one tool in one file: code scanning rejects the upload, so no alert would land
    sarif = _clean_sarif(job.tmp / "twice.sarif", repo.root, runs_of_bandit=2)
    r = job.run(repo.root, "--from-sarif", str(sarif), event="push")
    assert r.proc.returncode == 2
    assert r.outputs["gate"] == "passed"  # the gate itself had nothing against it
    assert r.outputs["upload-sarif"] == ""
    assert "Code scanning upload not written" in r.summary
    assert "two runs of bandit: merge them first" in r.proc.stderr


def test_scan_arguments_do_not_mix_with_from_sarif(repo: Repo, job: GitHubJob) -> None:
    sarif = _clean_sarif(job.tmp / "clean.sarif", repo.root, runs_of_bandit=1)
    r = job.run(repo.root, "--scanners", "bandit", "--from-sarif", str(sarif), event="push")
    assert r.proc.returncode == 2
    assert "--from-sarif gates existing results: PATH and --scanners do not apply" \
        in r.proc.stderr


def test_unreadable_shard_names_the_file(repo: Repo, job: GitHubJob) -> None:
    good = _clean_sarif(job.tmp / "a.sarif", repo.root, runs_of_bandit=1)
    bad = job.tmp / "b.sarif"
    bad.write_text('{"version": "2.1.0", "runs": [{"tool": {}}]}')
    r = job.run(repo.root, "--from-sarif", str(good), str(bad), event="push")
    assert r.proc.returncode == 2
    assert f"{bad}: $.runs[0].tool.driver.name: missing" in r.proc.stderr


def test_a_sarif_without_runs_fails_the_step(repo: Repo, job: GitHubJob) -> None:
    # nothing was scanned: "no findings" is not known, so the gate cannot pass
    sarif = job.tmp / "empty.sarif"
    sarif.write_text(json.dumps({"version": "2.1.0", "runs": []}))
    r = job.run(repo.root, "--from-sarif", str(sarif), event="push")
    assert r.proc.returncode == 2, r.proc.stderr
    assert r.outputs["gate"] != "passed"
    assert "no scanner ran" in r.proc.stdout + r.proc.stderr
