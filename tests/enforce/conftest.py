"""Attacks on the gate, each run in both modes with the real tools.

`scan` runs the console entry point in a subprocess, in advisory mode (a developer's machine) or
enforce mode (`--enforce`, as CI runs it); the outer environment's CI variables never decide.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

MODES = ("advisory", "enforce")
# B501 is high and not down-ranked: a finding that blocks at the default fail-on
VULN = "import requests\n\n\ndef fetch(url):\n    return requests.get(url, verify=False)\n"


@dataclass
class Outcome:
    rc: int
    doc: dict[str, Any]
    stderr: str

    @property
    def notes(self) -> list[dict[str, Any]]:
        return list(self.doc["notifications"])

    def errors_about(self, path: str) -> list[str]:
        return [n["message"] for n in self.notes
                if n["level"] == "error" and path in (n["path"] or n["message"])]

    def warnings_about(self, path: str) -> list[str]:
        return [n["message"] for n in self.notes
                if n["level"] == "warning" and path in (n["path"] or n["message"])]


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("CI", "SECSDLC_TRUST_ROOT", "SECSDLC_ENFORCE")
            and not k.endswith("_EXECUTABLE")}
    full_env = {**base, "SEMGREP_ENABLE_VERSION_CHECK": "0", **(env or {})}
    return subprocess.run([sys.executable, "-m", "secsdlc", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def scan(mode: str, root: Path, *args: str, scanners: str = "bandit,semgrep,secrets",
         env: dict[str, str] | None = None) -> Outcome:
    flags = ["--enforce"] if mode == "enforce" else []
    proc = run_cli("scan", *(args or (str(root),)), "--root", str(root), "--scanners", scanners,
                   "--format", "json", "--no-cache", *flags, env=env)
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"no JSON report (exit {proc.returncode}): {proc.stderr}") from None
    return Outcome(rc=proc.returncode, doc=doc, stderr=proc.stderr)


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def project(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    def make(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "proj"
        root.mkdir(exist_ok=True)
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root
    return make
