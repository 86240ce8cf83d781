"""semgrep gets the cores the other scanners of the scan leave it, and finds the same either way.

Real semgrep throughout, started through a wrapper that records its command line.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest

from secsdlc import process
from secsdlc.scanners.interface import ScanRequest
from secsdlc.scanners.semgrep import SemgrepScanner, default_jobs
from secsdlc.scanners.tool import executable_env

APP = """\
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    return subprocess.run("ping -c 1 " + request.args["host"], shell=True).returncode
"""
DEFAULT = frozenset({"taint", "bandit", "secrets", "deps"})  # beside it in a default scan


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@pytest.fixture
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file each semgrep command line is appended to."""
    real = process.which("semgrep")
    assert real is not None
    log = tmp_path / "argv.log"
    wrapper = tmp_path / "semgrep"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {shlex.quote(str(log))}\n'
                       f'exec {shlex.quote(real)} "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv(executable_env("semgrep"), str(wrapper))
    return log


def _scan(root: Path, log: Path, companions: frozenset[str] = frozenset(),
          **options: object) -> tuple[str, set[tuple[str, int]]]:
    """semgrep's --jobs and what it found."""
    log.write_text("")
    out = SemgrepScanner().scan(ScanRequest(root=root, files=("app.py",), options=options,
                                            companions=companions))
    assert not out.notifications, out.notifications
    argv = log.read_text().split()
    assert argv.count("--jobs") == 1, argv
    return argv[argv.index("--jobs") + 1], {(str(f.rule_id), f.location.start_line)
                                            for f in out.findings}


def test_jobs_are_the_cores_left_by_the_other_scanners(tmp_path: Path, recorded: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    alone_jobs, alone = _scan(tmp_path, recorded)
    beside_jobs, beside = _scan(tmp_path, recorded, frozenset({"bandit", "secrets"}))
    assert alone_jobs == str(_cores())
    assert beside_jobs == str(max(1, _cores() - 2))
    assert alone == beside  # the parallelism changes nothing found
    assert ("secsdlc.python.injection.command-injection", 10) in alone


def test_the_configured_jobs_win(tmp_path: Path, recorded: Path) -> None:
    (tmp_path / "app.py").write_text(APP)
    jobs, found = _scan(tmp_path, recorded, frozenset({"bandit", "secrets", "deps"}), jobs=3)
    assert jobs == "3"
    assert ("secsdlc.python.injection.command-injection", 10) in found


def test_beside_the_default_scanners_at_least_one_job() -> None:
    request = ScanRequest(root=Path("."), files=(), companions=DEFAULT)
    assert default_jobs(request) == max(1, _cores() - len(DEFAULT))
