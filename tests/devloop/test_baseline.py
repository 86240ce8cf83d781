"""Baselines: accept today's findings; stable under unrelated edits; new ones still block."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.devloop.conftest import ALL_CHECKS, VULN_NEW, VULN_OLD
from tests.engine.conftest import run_cli


def test_baseline_lifecycle(project: Any, tmp_path: Path) -> None:
    root = project({"app.py": VULN_OLD, "lib.py": "import pickle\n\ndef f(b):\n"
                                                  "    return pickle.loads(b)\n",
                    ".secsdlc.toml": ALL_CHECKS})
    baseline = root / ".secsdlc" / "baseline.json"
    proc = run_cli("baseline", "create", str(root), "--scanners", "bandit", "-o", str(baseline))
    assert proc.returncode == 0, proc.stderr
    first = baseline.read_text()
    doc = json.loads(first)
    assert sorted(e["rule"] for e in doc["findings"].values()) == ["B301", "B403", "B605"]
    assert list(doc["findings"]) == sorted(doc["findings"])
    # nothing that changes with unrelated edits or with time: no lines, no timestamps
    assert set(doc) == {"secsdlc-baseline", "findings"}
    assert all(set(e) == {"rule", "path", "scanner", "severity"}
               for e in doc["findings"].values())

    # with the baseline nothing blocks
    scan = ("scan", str(root), "--scanners", "bandit", "--fail-on", "low",
            "--baseline", str(baseline))
    assert run_cli(*scan).returncode == 0

    # unrelated edits above: the same baseline, byte for byte
    (root / "app.py").write_text("'''Docs.'''\n\nimport sys\n" + VULN_OLD)
    assert run_cli("baseline", "create", str(root), "--scanners", "bandit",
                   "-o", str(tmp_path / "again.json")).returncode == 0
    assert (tmp_path / "again.json").read_text() == first

    # a new finding blocks; a fixed one is reported absent; both land in SARIF baselineState
    (root / "app.py").write_text(VULN_OLD + VULN_NEW)
    (root / "lib.py").write_text("def f(b):\n    return b\n")
    sarif = tmp_path / "out.sarif"
    proc = run_cli(*scan, "--sarif", str(sarif))
    assert proc.returncode == 1
    states = sorted((r["ruleId"], r["baselineState"])
                    for run in json.loads(sarif.read_text())["runs"] for r in run["results"])
    assert ("B307", "new") in states and ("B605", "unchanged") in states
    assert ("B301", "absent") in states and ("B403", "absent") in states


def test_bad_baseline_file(project: Any) -> None:
    root = project({"app.py": "x = 1\n", "b.json": '{"findings": []}'})
    proc = run_cli("scan", str(root), "--scanners", "bandit", "--baseline", str(root / "b.json"))
    assert proc.returncode == 2 and "b.json" in proc.stderr and "baseline" in proc.stderr
