"""A matrix scan: N shards merged equal the unsharded scan, and gate the same in `ci github`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema

from tests.conftest import outside_ci

from .conftest import GITHUB_SETS, JOB_CONFIG, PLANTED_KEY, GitHubJob, Repo, write

SHARDS = 3


def _files() -> dict[str, str]:
    files = {}
    for i in range(9):
        files[f"pkg/m{i}/mod{i}.py"] = (
            "import subprocess\nimport pickle\n\n\n"
            f"def run{i}(cmd, blob):\n"
            "    subprocess.call(cmd, shell=True)\n"
            "    return pickle.loads(blob)\n"
        )
    files["pkg/conf.py"] = f'KEY = "{PLANTED_KEY}"\n'
    files["pkg/quiet.py"] = ("import subprocess\n\n\ndef ok(cmd):\n"
                             "    return subprocess.call(cmd, shell=True)  "
                             "# secsdlc: ignore[B602] constant command, reviewed\n")
    return files


def _cli(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A step of the matrix's jobs, in GitHub's environment."""
    return subprocess.run([sys.executable, "-m", "secsdlc", *args], cwd=cwd,
                          env={**outside_ci(os.environ), **GITHUB_SETS, **env},
                          capture_output=True, text=True, timeout=300)


def _key(doc: dict[str, Any]) -> dict[str, set[tuple[Any, ...]]]:
    out: dict[str, set[tuple[Any, ...]]] = {}
    for run in doc["runs"]:
        rows = out.setdefault(run["tool"]["driver"]["name"], set())
        for r in run.get("results", []):
            loc = r["locations"][0]["physicalLocation"]
            rows.add((json.dumps(r["partialFingerprints"], sort_keys=True), r["ruleId"],
                      loc["artifactLocation"]["uri"], loc["region"]["startLine"], r["level"],
                      bool(r.get("suppressions"))))
    return out


def test_merged_shards_equal_the_unsharded_scan(repo: Repo, job: GitHubJob,
                                                sarif_schema: dict[str, Any]) -> None:
    write(repo.root, _files())
    env = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SECSDLC_CACHE_DIR": str(job.tmp / "cache")}
    out = job.tmp / "sarif"
    # the job's own configuration, as the Action's `config` input gives it to every shard
    config = job.tmp / "matrix.toml"
    config.write_text(JOB_CONFIG, encoding="utf-8")
    common = ("--scanners", "bandit,secrets", "--no-cache", "--no-progress", "--format", "json",
              "--config", str(config))
    full = _cli("scan", *common, "-o", str(out / "full.json"), "--sarif", str(out / "full.sarif"),
                cwd=repo.root, env=env)
    assert full.returncode == 1, full.stderr
    shards = []
    for i in range(1, SHARDS + 1):
        shard = out / f"shard-{i}.sarif"
        proc = _cli("scan", *common, "--shard", f"{i}/{SHARDS}", "-o", str(out / f"{i}.json"),
                    "--sarif", str(shard), cwd=repo.root, env=env)
        assert proc.returncode in (0, 1), proc.stderr
        shards.append(shard)
    per_shard = [sum(len(v) for v in _key(json.loads(s.read_text())).values()) for s in shards]
    assert sum(1 for n in per_shard if n) >= 2, f"the split is not a split: {per_shard}"

    merged = out / "merged.sarif"
    proc = _cli("sarif", "merge", str(merged), *map(str, shards), cwd=repo.root, env=env)
    assert proc.returncode == 0, proc.stderr
    merged_doc = json.loads(merged.read_text())
    full_doc = json.loads((out / "full.sarif").read_text())
    jsonschema.validate(merged_doc, sarif_schema)
    assert _key(merged_doc) == _key(full_doc)
    assert sum(per_shard) == sum(len(v) for v in _key(full_doc).values()), \
        "each finding is in exactly one shard"
    assert {r["tool"]["driver"]["name"]: sorted(x["id"] for x in r["tool"]["driver"]["rules"])
            for r in merged_doc["runs"]} == {
        r["tool"]["driver"]["name"]: sorted(x["id"] for x in r["tool"]["driver"]["rules"])
        for r in full_doc["runs"]}

    # the gate job of the matrix decides exactly as one unsharded job would
    unsharded = job.run(repo.root, "--scanners", "bandit,secrets", event="push",
                        config=JOB_CONFIG)
    gated = job.run(repo.root, "--from-sarif", *map(str, shards), event="push",
                    config=JOB_CONFIG)
    assert gated.proc.returncode == unsharded.proc.returncode == 1, gated.proc.stderr
    assert gated.outputs == unsharded.outputs
    assert gated.annotations == unsharded.annotations
    assert len(gated.annotations) == 10  # 9 x B602 and the key (B301 is medium: not blocking)
    assert "Gate over `shard-1.sarif`, `shard-2.sarif`, `shard-3.sarif` (push)." in gated.summary
    assert _key(gated.upload) == _key(unsharded.upload)
