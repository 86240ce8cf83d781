"""End to end through the real CLI with the real bandit and semgrep."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.engine.conftest import ALL_CHECKS, run_cli


def test_example_fails_the_gate_with_merged_findings(example_scan: dict[str, Any]) -> None:
    proc = example_scan["proc"]
    assert proc.returncode == 1, proc.stderr
    doc = example_scan["json"]
    assert doc["verdict"]["passed"] is False
    assert {s["name"] for s in doc["scanners"]} == {"taint", "bandit", "semgrep", "secrets"}
    assert all(s["succeeded"] for s in doc["scanners"])
    sql = [f for f in doc["findings"] if "CWE-89" in f["cwe"]]
    # the same SQL injection, seen by two tools, is one finding naming both, with its path
    assert len(sql) == 1
    assert sql[0]["scanners"][:1] == ["taint"] and "bandit" in sql[0]["scanners"]
    assert sql[0]["owasp2025"] == ["A05:2025"] and sql[0]["owasp2021"] == ["A03:2021"]
    for f in doc["findings"]:
        assert f["cwe"], f  # a CWE on every finding
        assert len(f["fingerprint"]) == 32
        assert not Path(f["path"]).is_absolute()


def test_clean_file_passes(project: Any) -> None:
    root = project({"ok.py": "def add(a: int, b: int) -> int:\n    return a + b\n"})
    proc = run_cli("scan", str(root), "--scanners", "bandit,semgrep,secrets")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Gate: passed" in proc.stdout


def test_fail_on_threshold_decides(project: Any) -> None:
    root = project({"a.py": "import random\n\nTOKEN = random.random()\n",  # bandit B311: low
                    ".secsdlc.toml": ALL_CHECKS})
    assert run_cli("scan", str(root), "--scanners", "bandit").returncode == 0
    proc = run_cli("scan", str(root), "--scanners", "bandit", "--fail-on", "low")
    assert proc.returncode == 1


def test_usage_errors_exit_2(project: Any) -> None:
    root = project({"a.py": "x = 1\n"})
    proc = run_cli("scan", str(root), "--scanners", "nosuch")
    assert proc.returncode == 2 and "unknown scanner" in proc.stderr
    proc = run_cli("scan", str(root), "--fail-on", "severe")
    assert proc.returncode == 2 and "--fail-on" in proc.stderr
    proc = run_cli("scan", "--format", "xml")
    assert proc.returncode == 2


def test_missing_path_fails_closed(project: Any) -> None:
    root = project({"a.py": "x = 1\n"})
    proc = run_cli("scan", str(root / "a.py"), str(root / "nothere.py"), "--scanners", "bandit",
                   "--root", str(root), "--format", "json")
    assert proc.returncode == 2
    doc = json.loads(proc.stdout)
    assert any("does not exist" in n["message"] for n in doc["notifications"])


def test_formats_markdown_and_text(project: Any) -> None:
    root = project({"a.py": "import os\n\ndef f(x):\n    os.system(x)\n",
                    ".secsdlc.toml": ALL_CHECKS})
    md = run_cli("scan", str(root), "--scanners", "bandit", "--format", "markdown")
    assert md.returncode == 1
    assert "## secsdlc" in md.stdout and "| high |" not in md.stdout.split("\n")[0]
    assert "a.py:4" in md.stdout
    text = run_cli("scan", str(root), "--scanners", "bandit")
    assert "a.py:4" in text.stdout and "B605" in text.stdout
    assert "# secsdlc: ignore" in text.stdout  # tells the developer how to suppress


def test_version_and_scanners_listing() -> None:
    from secsdlc import __version__

    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"secsdlc {__version__}"
    listing = run_cli("scanners")
    assert listing.returncode == 0, listing.stderr
    names = [line.split()[0] for line in listing.stdout.splitlines()]
    assert {"bandit", "semgrep", "secrets", "deps"} <= set(names)
