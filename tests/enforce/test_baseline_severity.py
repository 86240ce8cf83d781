"""A finding in the baseline passes only at the severity the baseline accepted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.enforce.conftest import VULN, run_cli, scan


def test_finding_whose_severity_rose_since_the_baseline(project: Any, mode: str,
                                                        tmp_path: Path) -> None:
    root = project({"app.py": VULN})
    baseline = tmp_path / "baseline.json"
    proc = run_cli("baseline", "create", str(root), "--scanners", "bandit,semgrep",
                   "-o", str(baseline))
    assert proc.returncode == 0, proc.stderr
    unchanged = scan(mode, root, str(root), "--baseline", str(baseline),
                     scanners="bandit,semgrep")
    assert unchanged.rc == 0, unchanged.doc["findings"]
    # the same finding, recorded when it was judged low
    doc = json.loads(baseline.read_text())
    for entry in doc["findings"].values():
        entry["severity"] = "low"
    baseline.write_text(json.dumps(doc))
    risen = scan(mode, root, str(root), "--baseline", str(baseline), scanners="bandit,semgrep")
    assert risen.rc == 1, risen.doc["findings"]
    assert any(f["baselineState"] == "updated" and f["severity"] == "high"
               for f in risen.doc["findings"])
