"""Third-party scanners arrive through the `secsdlc.scanners` entry-point group."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.engine.conftest import run_cli

PLUGIN = '''
from secsdlc.model import (Confidence, Finding, Location, Rule, RuleId, ScannerName, Severity,
                           Notification, NotificationKind)
from secsdlc.scanners.interface import ScannerOutput, ScannerError


class TodoScanner:
    name = "todo"
    information_uri = "https://example.invalid/todo"
    options = {"word": str}

    def version(self):
        return "9.9"

    def applies_to(self, path):
        return path.endswith(".txt")

    def scan(self, request):
        word = request.options.get("word", "TODO")
        findings = []
        for rel in request.files:
            for n, line in enumerate((request.root / rel).read_text().splitlines(), 1):
                if word in line:
                    findings.append(Finding(
                        rule_id=RuleId("todo.found"), scanners=(ScannerName("todo"),),
                        message="A reminder was left here", severity=Severity.HIGH,
                        confidence=Confidence.HIGH, cwe=(546,),
                        location=Location(path=rel, start_line=n)))
        rule = Rule(id=RuleId("todo.found"), name="todo", short_description="Reminder left")
        return ScannerOutput(findings=tuple(findings), rules={rule.id: rule})


class BrokenScanner(TodoScanner):
    name = "broken"

    def scan(self, request):
        raise RuntimeError("plugin bug")


class NotAScanner:
    pass
'''


def _install_fake_distribution(site: Path) -> None:
    (site / "todo_plugin.py").write_text(PLUGIN)
    dist = site / "todo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: todo-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[secsdlc.scanners]\ntodo = todo_plugin:TodoScanner\n"
        "broken = todo_plugin:BrokenScanner\nnotascanner = todo_plugin:NotAScanner\n")


def test_entry_point_plugin_runs_and_is_reported(project: Any, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_fake_distribution(site)
    env = {"PYTHONPATH": str(site)}
    root = project({"notes.txt": "ship it\nTODO: rotate keys\n", "a.py": "x = 1\n"})
    (root / ".secsdlc.toml").write_text('[scanners.todo]\nword = "TODO"\n')

    proc = run_cli("scan", str(root), "--scanners", "todo,bandit", "--format", "json", env=env)
    doc = json.loads(proc.stdout)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in doc["findings"] if f["rule"] == "todo.found"]
    assert finding["path"] == "notes.txt" and finding["startLine"] == 2
    assert finding["fingerprint"]  # the engine fingerprints plugin findings too
    assert {s["name"]: s["version"] for s in doc["scanners"]}["todo"] == "9.9"

    # a plugin that crashes fails the scan closed instead of crashing it
    proc = run_cli("scan", str(root), "--scanners", "broken", "--format", "json", env=env)
    assert proc.returncode == 2
    assert "plugin bug" in proc.stdout

    # something registered that is not a scanner is refused by name when asked for...
    proc = run_cli("scan", str(root), "--scanners", "notascanner", env=env)
    assert proc.returncode == 2 and "does not implement the Scanner interface" in proc.stderr
    # ...and only named in a warning when it is not
    proc = run_cli("scan", str(root), "--scanners", "bandit", env=env)
    assert proc.returncode == 0 and "notascanner" in proc.stderr
