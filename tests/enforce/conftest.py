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

from tests.conftest import outside_ci

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
    base = {k: v for k, v in outside_ci(os.environ).items() if not k.endswith("_EXECUTABLE")}
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


# the project directories the engine tests build
from tests.engine.conftest import project  # noqa: E402, F401

# ssh-keygen keys and git repositories as the sign-off tests build them
from tests.signoff.conftest import Key, commit_all, git, keydir, make_key  # noqa: E402, F401


@pytest.fixture
def signed_repo(tmp_path: Path,
                make_key: Callable[..., Key]) -> tuple[Path, Key]:  # noqa: F811
    """A git repository with a verified correspondent registry (alice) and a high finding."""
    from tests.signoff.world import setup_registry

    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    git(root, "config", "commit.gpgsign", "false")
    (root / "app.py").write_text(VULN)
    commit_all(root, "app")
    alice = make_key("alice@example.com")
    setup_registry(root, alice)
    return root, alice


def sign_policy(root: Path, key: Key) -> None:
    proc = run_cli("policy", "sign", "--key", str(key.private), "--root", str(root))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    commit_all(root, "signed policy")


def scan_repo(mode: str, root: Path, key: Key, *args: str,
              scanners: str | None = "bandit,semgrep,secrets",
              env: dict[str, str] | None = None) -> Outcome:
    """Advisory: a developer's machine, no trust root. Enforce: CI with the trust root."""
    extra = ["--trust-root", key.fingerprint] if mode == "enforce" else []
    selected = ["--scanners", scanners] if scanners else []
    proc = run_cli("scan", str(root), "--format", "json", "--no-cache", *selected, *extra,
                   *args, env=env)
    if proc.returncode == 2 and not proc.stdout.strip():  # a configuration error: no report
        return Outcome(rc=2, doc={}, stderr=proc.stderr)
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"no JSON report (exit {proc.returncode}): {proc.stderr}") from None
    assert doc["mode"] == mode
    return Outcome(rc=proc.returncode, doc=doc, stderr=proc.stderr)
