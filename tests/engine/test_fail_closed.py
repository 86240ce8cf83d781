"""A scanner that is missing, killed, times out or talks nonsense never yields a pass."""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from tests.engine.conftest import run_cli

VULN = "import os\n\ndef f(x):\n    os.system(x)\n"


def _script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def _config(root: Path, scanner: str, **options: object) -> None:
    lines = [f"[scanners.{scanner}]"] + [f"{k} = {json.dumps(v)}" for k, v in options.items()]
    (root / ".secsdlc.toml").write_text("\n".join(lines) + "\n")


def _scan(root: Path, scanner: str, exe: Path | None = None) -> tuple[int, dict[str, Any]]:
    env = {f"SECSDLC_{scanner.upper()}_EXECUTABLE": str(exe)} if exe else {}
    proc = run_cli("scan", str(root), "--scanners", scanner, "--format", "json", env=env)
    return proc.returncode, json.loads(proc.stdout)


def test_missing_scanner_binary(project: Any) -> None:
    root = project({"a.py": "x = 1\n"})
    rc, doc = _scan(root, "bandit", root / "no" / "bandit")
    assert rc == 2
    assert doc["scanners"][0]["succeeded"] is False
    assert any("not found" in n["message"] for n in doc["notifications"])


def test_killed_scanner(project: Any, tmp_path: Path) -> None:
    root = project({"a.py": "x = 1\n"})
    rc, doc = _scan(root, "bandit", _script(tmp_path / "bandit", "kill -9 $$\n"))
    assert rc == 2 and doc["verdict"]["passed"] is False


def test_unparseable_output(project: Any, tmp_path: Path) -> None:
    root = project({"a.py": "x = 1\n"})
    rc, doc = _scan(root, "semgrep", _script(tmp_path / "semgrep",
                                             "echo 'Segmentation fault'\nexit 0\n"))
    assert rc == 2
    assert any("without JSON output" in n["message"] for n in doc["notifications"])


def test_real_semgrep_timing_out(project: Any) -> None:
    root = project({"a.py": VULN})
    _config(root, "semgrep", timeout=0.05)
    rc, doc = _scan(root, "semgrep")
    assert rc == 2
    assert any("timed out" in n["message"] for n in doc["notifications"])


def test_timed_out_scanner_leaves_no_process(project: Any, tmp_path: Path) -> None:
    root = project({"a.py": "x = 1\n"})
    marker = tmp_path / "child.pid"
    _config(root, "bandit", timeout=1)
    rc, _ = _scan(root, "bandit", _script(tmp_path / "bandit",
                                          f"sleep 60 & echo $! > {marker}\nwait\n"))
    assert rc == 2
    pid = int(marker.read_text())
    # the whole process group was killed, not just the shell (a zombie waiting for its
    # reaper is dead too)
    time.sleep(0.5)
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        state = next(line for line in status.read_text().splitlines()
                     if line.startswith("State:"))
        assert "Z" in state.split()[1], state


GOOD_RULE = """rules:
  - id: team.no-eval
    languages: [python]
    severity: ERROR
    message: eval
    pattern: eval(...)
"""
# valid YAML, but `patterns` must be a list: semgrep rejects the rule, not the file
INVALID_RULE = GOOD_RULE.replace("    pattern: eval(...)", "    patterns: 3").replace(
    "team.no-eval", "team.broken")


@pytest.mark.parametrize("rules", [
    {"team/bad.yaml": INVALID_RULE},
    {"team/good.yaml": GOOD_RULE, "team/bad.yaml": INVALID_RULE},
    {"team/bad.yaml": "rules:\n  - id: [unclosed\n"},
    {},  # the configured rule directory does not exist
])
def test_invalid_team_rules_fail_the_scan(project: Any, rules: dict[str, str]) -> None:
    """A rule semgrep cannot load must not quietly shrink the rule set to what it could load."""
    root = project({"a.py": "eval(input())\n", **rules})
    _config(root, "semgrep", rules=[str(root / "team")])
    rc, doc = _scan(root, "semgrep")
    assert rc == 2 and doc["verdict"]["passed"] is False
    failures = [n["message"] for n in doc["notifications"] if n["kind"] == "scanner-failure"]
    assert failures and "team" in failures[0], doc["notifications"]
