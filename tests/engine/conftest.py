from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.resources import REPO

EXAMPLE = REPO / "examples" / "vulnerable-app"

# Built so that no scanner of ours or of GitHub's sees a credential in this test file itself.
PLANTED_SECRET = "ghp_" + "Zx9Qw3Er7Ty1Ui5Op2As8Df4Gh6Jk0LzXcVbN"
PLANTED_PASSWORD = "Vr7" + "kq2Lm9xWp4Tz"
# Tests about the engine rely on bandit's own severities, not on which checks the pack down-ranks
ALL_CHECKS = "[scanners.bandit]\nall-checks = true\n"


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a subprocess, as users and CI run it."""
    full_env = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", **(env or {})}
    return subprocess.run([sys.executable, "-m", "secsdlc", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


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


@pytest.fixture(scope="session")
def example_scan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One real scan of the bundled example (all code scanners), shared by read-only tests."""
    out = tmp_path_factory.mktemp("example")
    root = out / "vulnerable-app"
    shutil.copytree(EXAMPLE, root)
    proc = run_cli("scan", str(root), "--scanners", "taint,bandit,semgrep,secrets", "--format",
                   "json",
                   "-o", str(out / "scan.json"), "--sarif", str(out / "scan.sarif"))
    return {"proc": proc, "root": root, "json": json.loads((out / "scan.json").read_text()),
            "sarif_path": out / "scan.sarif",
            "sarif": json.loads((out / "scan.sarif").read_text())}
