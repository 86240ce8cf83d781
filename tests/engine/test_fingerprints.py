"""Fingerprints: stable under unrelated edits, distinct for twins, blind to the checkout path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.engine.conftest import run_cli

SOURCE = """import os


def first(cmd):
    os.system(cmd)


def second(cmd):
    os.system(cmd)
"""


def _fingerprints(root: Path) -> list[tuple[int, str]]:
    proc = run_cli("scan", str(root), "--scanners", "bandit", "--format", "json")
    doc = json.loads(proc.stdout)
    return sorted((f["startLine"], f["fingerprint"]) for f in doc["findings"]
                  if f["rule"] == "B605")


def test_fingerprints(project: Any, tmp_path: Path) -> None:
    root = project({"app.py": SOURCE})
    before = _fingerprints(root)
    assert len(before) == 2
    # two identical findings in one file are told apart
    assert before[0][1] != before[1][1]

    # unrelated lines above move the findings but keep their fingerprints
    (root / "app.py").write_text("# a comment\nimport sys\n\n" + SOURCE)
    after = _fingerprints(root)
    assert [line for line, _ in after] == [line + 3 for line, _ in before]
    assert [fp for _, fp in after] == [fp for _, fp in before]

    # a checkout at another absolute path gives the same fingerprints
    elsewhere = tmp_path / "somewhere" / "else"
    shutil.copytree(root, elsewhere)
    assert _fingerprints(elsewhere) == after

    # changing the flagged line itself is a different finding
    (root / "app.py").write_text(SOURCE.replace("os.system(cmd)\n\n\ndef second",
                                                "os.system(cmd + '')\n\n\ndef second"))
    changed = _fingerprints(root)
    assert changed[0][1] not in {fp for _, fp in before}
