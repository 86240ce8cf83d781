"""Inline suppressions: honoured with a reason, kept in SARIF, reported when malformed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.engine.conftest import ALL_CHECKS, run_cli

SOURCE = """import os


def a(cmd):
    os.system(cmd)  # secsdlc: ignore[B605] cmd is a constant chosen by the operator


def b(cmd):
    # secsdlc: ignore[B605] reviewed in SEC-42: only called with literals
    os.system(cmd)


def c(cmd):
    os.system(cmd)  # secsdlc: ignore[B605]


def d(cmd):
    os.system(cmd)  # secsdlc: ignore[B999] wrong rule named


def e(cmd):
    os.system(cmd)  # nosec B605
"""


def _scan(root: Path, tmp_path: Path,
          scanners: str = "bandit") -> tuple[int, dict[int, list[dict[str, Any]]]]:
    sarif = tmp_path / "out.sarif"
    proc = run_cli("scan", str(root), "--scanners", scanners, "--sarif", str(sarif),
                   "--format", "json")
    by_line: dict[int, list[dict[str, Any]]] = {}
    for run in json.loads(sarif.read_text())["runs"]:
        for r in run["results"]:
            line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
            by_line.setdefault(line, []).append(r)
    return proc.returncode, by_line


def test_suppressions(project: Any, tmp_path: Path) -> None:
    root = project({"app.py": SOURCE, ".secsdlc.toml": ALL_CHECKS})
    rc, by_line = _scan(root, tmp_path)
    assert rc == 1  # c (no reason) and d (other rule) still block

    [a] = by_line[5]
    assert a["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                  "justification": "cmd is a constant chosen by the operator",
                                  "properties": {"directive": "secsdlc", "line": "5"}}]
    [b] = by_line[10]
    assert b["suppressions"][0]["justification"].startswith("reviewed in SEC-42")

    # no reason: the suppression is not honoured and is itself reported
    rules_14 = {r["ruleId"]: r for r in by_line[14]}
    assert "suppressions" not in rules_14["B605"]
    assert "secsdlc.invalid-suppression" in rules_14
    assert "no reason" in rules_14["secsdlc.invalid-suppression"]["message"]["text"]

    [d] = by_line[18]
    assert "suppressions" not in d
    [e] = by_line[22]
    assert e["suppressions"][0]["justification"] == "# nosec"


@pytest.mark.parametrize("honour, blocks", [(True, False), (False, True)])
def test_nosec_per_configuration(project: Any, tmp_path: Path, honour: bool,
                                 blocks: bool) -> None:
    root = project({"app.py": "import os\n\ndef f(c):\n    os.system(c)  # nosec\n",
                    ".secsdlc.toml": ALL_CHECKS
                    + f"[suppressions]\nnosec = {str(honour).lower()}\n"})
    rc, by_line = _scan(root, tmp_path)
    assert rc == (1 if blocks else 0)
    assert ("suppressions" in by_line[4][0]) is honour


@pytest.mark.parametrize("honour, blocks", [(True, False), (False, True)])
def test_nosemgrep_per_configuration(project: Any, tmp_path: Path, honour: bool,
                                     blocks: bool) -> None:
    """semgrep drops `# nosemgrep` results itself unless told not to; we must see them, to keep
    them in SARIF as suppressed, or to block when the configuration does not honour them."""
    root = project({"app.py": "def view(request):\n"
                              "    return eval(request.args.get('q'))  # nosemgrep\n",
                    ".secsdlc.toml": f"[suppressions]\nnosemgrep = {str(honour).lower()}\n"})
    rc, by_line = _scan(root, tmp_path, scanners="semgrep")
    assert rc == (1 if blocks else 0)
    [result] = by_line[2]
    assert result["ruleId"] == "secsdlc.python.injection.code-injection"
    assert ("suppressions" in result) is honour
    if honour:
        assert result["suppressions"][0]["kind"] == "inSource"
