"""The action's one script step (Scan), run with bash as the runner would, outside GitHub.

It turns inputs (environment variables) into `secsdlc ci github` arguments: this checks that a
path list is split but never glob-expanded, that `from-sarif` patterns are expanded, and that an
input holding shell syntax stays data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from secsdlc.ci.outputs import parse_outputs

from .conftest import Repo

ACTION = Path(__file__).resolve().parents[2] / "github-action" / "action.yml"


def _scan_script() -> str:
    steps = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"]
    script: str = next(s for s in steps if s.get("id") == "scan")["run"]
    return script


def _run(repo: Repo, tmp: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str],
                                                          dict[str, str]]:
    output = tmp / "out.txt"
    output.write_text("")
    (tmp / "runner").mkdir(exist_ok=True)
    launcher = tmp / "secsdlc"
    launcher.write_text(f"#!/bin/sh\nexec {sys.executable} -m secsdlc \"$@\"\n")
    launcher.chmod(0o755)
    env: dict[str, Any] = {
        **os.environ, "SECSDLC": str(launcher), "RUNNER_TEMP": str(tmp / "runner"),
        "GITHUB_EVENT_NAME": "push", "GITHUB_WORKSPACE": str(repo.root),
        "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(tmp / "summary.md"),
        "SECSDLC_CACHE_DIR": str(tmp / "cache"), "SEMGREP_ENABLE_VERSION_CHECK": "0",
        "IN_PATHS": ".", "IN_CONFIG": "", "IN_SCANNERS": "bandit,secrets", "IN_FAIL_ON": "",
        "IN_DIFF_AWARE": "auto", "IN_CATEGORY": "secsdlc", "IN_FROM_SARIF": "",
        "IN_REQUIRE_SIGNOFF": "false", "SECSDLC_TRUST_ROOT": "",
    }
    env.update(inputs)
    proc = subprocess.run(["bash", "-c", _scan_script()], cwd=repo.root, env=env,
                          capture_output=True, text=True, timeout=300)
    return proc, parse_outputs(output.read_text())


def test_paths_input_is_split_not_globbed(repo: Repo, tmp_path: Path) -> None:
    (repo.root / "app" / "*.py").write_text("import subprocess\n\n\ndef f(c):\n"
                                            "    subprocess.call(c, shell=True)\n")
    (repo.root / "app" / "other.py").write_text("import subprocess\n\n\ndef g(c):\n"
                                                "    subprocess.call(c, shell=True)\n")
    proc, out = _run(repo, tmp_path, IN_PATHS="app/*.py\napp/legacy.py")
    # "app/*.py" is a (strange) file name here; a glob would have pulled in other.py too
    assert proc.returncode == 1, proc.stderr
    assert out["gate"] == "failed"
    assert out["blocking-findings"] == "2"
    assert "app/other.py" not in (tmp_path / "summary.md").read_text()


def test_inputs_with_shell_syntax_stay_data(repo: Repo, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    proc, out = _run(repo, tmp_path, IN_FAIL_ON=f"critical; touch {marker}",
                     IN_PATHS=f"$(touch {marker})")
    assert not marker.exists()
    assert proc.returncode == 2
    assert "--fail-on: unknown severity 'critical; touch" in proc.stderr
    assert out["gate"] == "error" and out["exit-code"] == "2"


def test_fail_on_input_reaches_the_gate(repo: Repo, tmp_path: Path) -> None:
    proc, out = _run(repo, tmp_path, IN_FAIL_ON="critical")
    assert proc.returncode == 0, proc.stderr
    assert out["gate"] == "passed" and out["high"] == "1"


def test_from_sarif_glob_that_matches_nothing_fails(repo: Repo, tmp_path: Path) -> None:
    proc, out = _run(repo, tmp_path, IN_FROM_SARIF="shards/*.sarif")
    assert proc.returncode == 2
    assert proc.stdout.startswith("::error title=secsdlc::from-sarif matched no file")
    assert out == {}
