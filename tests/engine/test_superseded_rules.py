"""Bundled semgrep rules the taint analysis supersedes run only when the analysis does not.

Real semgrep and the real taint analysis throughout; which rules are left to the analysis is read
from the pack's metadata (`superseded-by`), never listed here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from secsdlc.scanners import semgrep as semgrep_module
from secsdlc.scanners.interface import ScanRequest
from secsdlc.scanners.semgrep import SUPERSEDED_BY, SemgrepScanner
from tests.engine.conftest import REPO, run_cli

PACK = REPO / "rules"


def _pack_rules() -> dict[str, tuple[Path, dict[str, Any]]]:
    found = {}
    for file in sorted(PACK.rglob("*.yaml")):
        for rule in yaml.safe_load(file.read_text())["rules"]:
            found[rule["id"]] = (file, rule)
    return found


def _superseded_by(rule: dict[str, Any]) -> set[str]:
    value = rule.get("metadata", {}).get(SUPERSEDED_BY) or []
    return {value} if isinstance(value, str) else set(value)


SUPERSEDED = sorted(rid for rid, (_, rule) in _pack_rules().items()
                    if "taint" in _superseded_by(rule))
# Two superseded rules with a vulnerable case each that both semgrep and the analysis find.
CODE = "secsdlc.python.injection.code-injection"
COMMAND = "secsdlc.python.injection.command-injection"
VIEWS = """\
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/sum")
def total():
    return str(eval(request.args["expr"]))


@app.route("/ping")
def ping():
    return subprocess.run("ping -c 1 " + request.args["host"], shell=True).returncode
"""
# A loop the analysis cannot finish within a budget of 25 steps: the function is not analysed.
OVER_BUDGET = """\
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args["host"]
    for i in range(10):
        host = host + str(i)
    return subprocess.run("ping -c 1 " + host, shell=True).returncode
"""


def _fired(root: Path, files: list[str], **request: Any) -> set[str]:
    out = SemgrepScanner().scan(ScanRequest(root=root, files=tuple(files), **request))
    assert not out.notifications, out.notifications
    return {str(f.rule_id) for f in out.findings}


def _test_files(rule_ids: list[str]) -> list[str]:
    pack = _pack_rules()
    return sorted({pack[r][0].with_suffix(".py").relative_to(REPO).as_posix()
                   for r in rule_ids})


def test_the_pack_leaves_rules_to_the_taint_analysis() -> None:
    assert CODE in SUPERSEDED and COMMAND in SUPERSEDED
    # the pattern rules (configuration, crypto, cookies) stay whoever runs beside semgrep
    assert "secsdlc.python.crypto.weak-hash" not in SUPERSEDED


def test_superseded_rules_are_skipped_only_beside_the_taint_analysis() -> None:
    files = _test_files(SUPERSEDED)
    alone = _fired(REPO, files, companions=frozenset({"bandit", "secrets"}))
    beside = _fired(REPO, files, companions=frozenset({"taint", "bandit", "secrets"}))
    assert set(SUPERSEDED) <= alone, "each superseded rule's own tests make it fire"
    assert not beside & set(SUPERSEDED)
    assert beside == alone - set(SUPERSEDED)  # the other rules run as before
    scanner = SemgrepScanner()
    assert scanner.leaves_to(ScanRequest(root=REPO, files=(), companions=frozenset(
        {"taint", "bandit"}))) == {"taint"}
    assert scanner.leaves_to(ScanRequest(root=REPO, files=(),
                                         companions=frozenset({"bandit"}))) == set()


def test_pysemgrep_skips_them_too() -> None:
    """semgrep's Python command line names rules after their directory as well."""
    files = _test_files([CODE])
    assert CODE in _fired(REPO, files, options={"cli": "pysemgrep"})
    assert CODE not in _fired(REPO, files, options={"cli": "pysemgrep"},
                                       companions=frozenset({"taint"}))


def test_which_rules_are_left_is_read_from_the_pack(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "rules"
    shutil.copytree(PACK, pack)
    rules = _pack_rules()

    def set_superseded(rule_id: str, value: str | None) -> None:
        file = pack / rules[rule_id][0].relative_to(PACK)
        doc = yaml.safe_load(file.read_text())
        [rule] = [r for r in doc["rules"] if r["id"] == rule_id]
        rule["metadata"].pop(SUPERSEDED_BY, None)
        if value is not None:
            rule["metadata"][SUPERSEDED_BY] = value
        file.write_text(yaml.safe_dump(doc, sort_keys=False))

    weak_hash = "secsdlc.python.crypto.weak-hash"
    set_superseded(CODE, None)
    set_superseded(weak_hash, "taint")
    monkeypatch.setattr(semgrep_module, "rules_dir", lambda: pack)
    files = [p.relative_to(tmp_path).as_posix() for p in (
        pack / "a05-injection" / "code-injection.py",
        pack / "a04-cryptographic-failures" / "weak-hash.py")]
    fired = _fired(tmp_path, files, companions=frozenset({"taint"}))
    assert CODE in fired
    assert weak_hash not in fired


def test_a_user_rule_file_is_never_left(tmp_path: Path) -> None:
    file, rule = _pack_rules()[CODE]
    own = {**rule, "id": "acme.code-injection",
           "metadata": {**rule["metadata"], SUPERSEDED_BY: "taint"}}
    (tmp_path / "acme.yaml").write_text(yaml.safe_dump({"rules": [own]}))
    shutil.copy(file.with_suffix(".py"), tmp_path / "views.py")
    fired = _fired(tmp_path, ["views.py"], companions=frozenset({"taint"}),
                   options={"rules": [str(tmp_path / "acme.yaml")]})
    assert "acme.code-injection" in fired
    assert CODE not in fired


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text)
    return root


def _reported(tmp_path: Path, root: Path, *args: str,
              env: dict[str, str] | None = None) -> tuple[int, set[tuple[str, str, str]]]:
    """Exit status, and (tool, rule id, file) of each result, the rules merged into it too."""
    out = tmp_path / "out.sarif"
    proc = run_cli("scan", str(root), "--format", "sarif", "-o", str(out), *args, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    found = set()
    for run in json.loads(out.read_text())["runs"]:
        tool = run["tool"]["driver"]["name"]
        for result in run["results"]:
            path = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for rule in (result["ruleId"], *result.get("properties", {}).get("relatedRules", [])):
                found.add((tool, rule, path.rsplit("/", 1)[-1]))
    return proc.returncode, found


def _rules(found: set[tuple[str, str, str]], tool: str | None = None) -> set[str]:
    return {rule for t, rule, _ in found if tool in (None, t)}


def test_default_scan_and_scan_without_the_analysis(tmp_path: Path) -> None:
    """The cache keeps the two apart: a scan without the analysis, after one with it, runs the
    rules the first one left out."""
    root = _project(tmp_path, {"views.py": VIEWS})
    env = {"SECSDLC_CACHE_DIR": str(tmp_path / "cache")}
    rc, default = _reported(tmp_path, root, env=env)
    assert rc == 1
    assert {"secsdlc.taint.code-injection", "secsdlc.taint.os-command-injection"} <= _rules(
        default, "taint")
    assert not {CODE, COMMAND} & _rules(default)
    rc, alone = _reported(tmp_path, root, "--scanners", "bandit,semgrep,secrets", env=env)
    assert rc == 1
    assert {CODE, COMMAND} <= _rules(alone, "semgrep")
    (root / ".secsdlc.toml").write_text('[scanners]\nenabled = ["bandit", "semgrep"]\n')
    rc, configured = _reported(tmp_path, root, env=env)
    assert rc == 1
    assert not _rules(configured, "taint")
    assert {CODE, COMMAND} <= _rules(configured, "semgrep")


def test_a_function_the_analysis_could_not_finish_keeps_the_rules(tmp_path: Path) -> None:
    """Its calls keep the other scanners' say: semgrep runs the rules it had left to the
    analysis on that file, and on that file only."""
    root = _project(tmp_path, {"ping.py": OVER_BUDGET, "views.py": VIEWS,
                               ".secsdlc.toml": "[scanners.taint]\nbudget = 25\n"})
    rc, found = _reported(tmp_path, root, "--no-cache")
    assert rc == 1
    assert ("semgrep", COMMAND, "ping.py") in found
    assert not any(rule == COMMAND and path == "views.py" for _, rule, path in found)
    assert ("taint", "secsdlc.taint.os-command-injection", "views.py") in found


def test_a_repository_cannot_turn_the_analysis_off_and_keep_the_rules_skipped(
        tmp_path: Path) -> None:
    """Advisory mode obeys the repository and runs the whole pack; enforce mode ignores the
    unsigned configuration and runs the analysis. Either way the weaknesses block."""
    root = _project(tmp_path, {"views.py": VIEWS,
                               ".secsdlc.toml": '[scanners]\nenabled = ["bandit", "semgrep"]\n'})
    for cmd in (["init", "-q"], ["add", "-A"],
                ["-c", "user.email=dev@example.com", "-c", "user.name=Dev", "-c",
                 "commit.gpgsign=false", "commit", "-q", "-m", "app"]):
        subprocess.run(["git", *cmd], cwd=root, check=True, capture_output=True)
    rc, advisory = _reported(tmp_path, root, "--no-cache")
    assert rc == 1
    assert not _rules(advisory, "taint")
    assert {CODE, COMMAND} <= _rules(advisory, "semgrep")
    rc, enforced = _reported(tmp_path, root, "--no-cache", "--enforce")
    assert rc == 1
    assert {"secsdlc.taint.code-injection", "secsdlc.taint.os-command-injection"} <= _rules(
        enforced, "taint")


def test_when_the_analysis_fails_semgrep_runs_the_rules_on_every_file(tmp_path: Path) -> None:
    root = _project(tmp_path, {"views.py": VIEWS,
                               ".secsdlc.toml": "[scanners.taint]\nbudget = 0\n"})
    out = tmp_path / "out.sarif"
    proc = run_cli("scan", str(root), "--no-cache", "--format", "sarif", "-o", str(out))
    assert proc.returncode == 2, proc.stderr  # a failed scanner fails the scan closed
    semgrep = [r for r in json.loads(out.read_text())["runs"]
               if r["tool"]["driver"]["name"] == "semgrep"]
    assert {CODE, COMMAND} <= {r["ruleId"] for r in semgrep[0]["results"]}
