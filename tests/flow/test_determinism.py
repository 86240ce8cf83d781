"""The same code gives the same results, paths included, whatever Python's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

APPS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "apps"


def _scan(seed: str, out: Path) -> list[object]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SEMGREP_ENABLE_VERSION_CHECK": "0"}
    proc = subprocess.run([sys.executable, "-m", "secsdlc", "scan", str(APPS), "--scanners",
                           "taint", "--no-cache", "--format", "json", "-o", str(out)],
                          env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 1, proc.stderr
    findings: list[object] = json.loads(out.read_text())["findings"]
    return findings


def test_paths_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    first = _scan("1", tmp_path / "a.json")
    assert len(first) > 100
    for seed in ("2", "3"):
        assert _scan(seed, tmp_path / f"{seed}.json") == first
