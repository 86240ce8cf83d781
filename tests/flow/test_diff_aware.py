"""Diff-aware scans give the taint analysis the whole project and keep what a change touches."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.devloop.conftest import commit, git, repo  # noqa: F401  (shared fixtures)
from tests.engine.conftest import run_cli

UTIL = """import subprocess


def run(cmd):
    return subprocess.run(cmd, shell=True, check=False)
"""

VIEWS = """from flask import Flask, request

app = Flask(__name__)


@app.route("/")
def index():
    return "hello"
"""

PING = """

@app.route("/ping")
def ping():
    run("ping -c 1 " + request.args["host"])
    return "done"
"""

# a flow that lives only in files no change touches
LEGACY = """from flask import Flask, request

from app.util import run

legacy = Flask(__name__)


@legacy.route("/old")
def old():
    run("ls " + request.args["dir"])
    return "listed"
"""


def _scan(where: Path, *args: str, fmt: str = "json") -> tuple[int, Any, str]:
    proc = run_cli("scan", *args, "--scanners", "taint", "--format", fmt, "--fail-on", "high",
                   cwd=where)
    assert proc.stdout.startswith("{"), proc.stderr
    return proc.returncode, json.loads(proc.stdout), proc.stdout


def _injections(doc: Any) -> list[tuple[str, int, str, str]]:
    found = [f for f in doc["findings"] if f["rule"] == "secsdlc.taint.os-command-injection"]
    # each finding is the view's, at its call of the helper; its path ends in the helper
    assert all(f["properties"]["sink"] == "app/util.py:5" for f in found), found
    return sorted((f["path"], f["startLine"], f["baselineState"], f["properties"]["path"])
                  for f in found)


def _project(make: Callable[..., None]) -> None:
    make({"app/__init__.py": "", "app/util.py": UTIL,
            "app/views.py": VIEWS.replace("from flask import Flask, request",
                                          "from flask import Flask, request\n\n"
                                          "from app.util import run"),
            "app/legacy.py": LEGACY})


def _assert_new_injection_through_the_view(rc: int, doc: Any, text: str) -> None:
    assert rc == 1, doc["verdict"]
    found = _injections(doc)
    new = [f for f in found if f[2] == "new"]
    assert len(new) == 1, found
    path, line, _, trace = new[0]
    assert (path, line) == ("app/views.py", 15)
    assert "request.args" in trace and "run(cmd) (app/util.py:4)" in trace
    # the flow wholly inside unchanged files is not this change's doing
    assert not any("app/legacy.py" in f[3] for f in found)
    assert "head/" not in text and "base/" not in text


@pytest.mark.parametrize("mode", ["staged", "diff-base", "diff-head"])
def test_a_new_view_reaching_an_unchanged_helper_blocks(
        repo: Path, commit: Callable[..., None], mode: str) -> None:  # noqa: F811
    _project(commit)
    views = (repo / "app/views.py").read_text() + PING
    if mode == "staged":
        (repo / "app/views.py").write_text(views)
        git(repo, "add", "app/views.py")
        args = ["--staged"]
    else:
        git(repo, "checkout", "-q", "-b", "feature")
        commit({"app/views.py": views})
        args = ["--diff-base", "main"]
        if mode == "diff-head":
            args += ["--diff-head", "feature"]
            git(repo, "checkout", "-q", "main")  # the commit is read, not the work tree
    rc, doc, text = _scan(repo, *args)
    _assert_new_injection_through_the_view(rc, doc, text)
    if mode != "diff-head":
        # the full scan finds it at the same place, and the untouched flow too
        rc, full, _ = _scan(repo, ".")
        assert rc == 1
        assert {(p, line) for p, line, _, _ in _injections(full)} == {
            ("app/views.py", 15), ("app/legacy.py", 10)}
        assert any("app/legacy.py" in f[3] for f in _injections(full))


def test_codeflows_and_notes_carry_the_repository_paths(
        repo: Path, commit: Callable[..., None]) -> None:  # noqa: F811
    _project(commit)
    (repo / "app/views.py").write_text((repo / "app/views.py").read_text() + PING)
    (repo / "app/broken.py").write_text("def broken(:\n")
    git(repo, "add", "app/views.py", "app/broken.py")
    rc, sarif, text = _scan(repo, "--staged", fmt="sarif")
    assert rc == 1
    assert "head/" not in text and "base/" not in text
    results = sarif["runs"][0]["results"]
    flows = [loc["location"]["physicalLocation"]["artifactLocation"]["uri"]
             for r in results for flow in r.get("codeFlows", [])
             for thread in flow["threadFlows"] for loc in thread["locations"]]
    assert "app/views.py" in flows and "app/util.py" in flows
    notes = [n for inv in sarif["runs"][0]["invocations"]
             for n in inv.get("toolExecutionNotifications", [])]
    assert any("app/broken.py" in n["message"]["text"] and "does not parse" in n["message"]["text"]
               for n in notes), notes


def test_an_unchanged_flow_stays_out_and_a_fixed_one_is_absent(
        repo: Path, commit: Callable[..., None]) -> None:  # noqa: F811
    _project(commit)
    commit({"app/views.py": (repo / "app/views.py").read_text() + PING})
    # a change elsewhere in the view file: the flow through it exists on both sides
    (repo / "app/views.py").write_text("# routes\n" + (repo / "app/views.py").read_text())
    git(repo, "add", "app/views.py")
    rc, doc, _ = _scan(repo, "--staged")
    assert rc == 0, doc["verdict"]
    assert [f[2] for f in _injections(doc)] == ["unchanged"]
    git(repo, "commit", "-q", "-m", "comment")
    # the fix: the view passes a constant
    fixed = (repo / "app/views.py").read_text().replace('"ping -c 1 " + request.args["host"]',
                                                       '"ping -c 1 localhost"')
    (repo / "app/views.py").write_text(fixed)
    git(repo, "add", "app/views.py")
    rc, doc, text = _scan(repo, "--staged")
    assert rc == 0, doc["verdict"]
    found = _injections(doc)
    assert [(p, line, state) for p, line, state, _ in found] == [("app/views.py", 16, "absent")]
    assert "run(cmd) (app/util.py:4)" in found[0][3]
    assert "head/" not in text and "base/" not in text
