from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

VULN_OLD = "import os\n\n\ndef old(cmd):\n    os.system(cmd)\n"
# these tests are about the developer loop, not about which bandit checks are down-ranked
ALL_CHECKS = "[scanners.bandit]\nall-checks = true\n"
VULN_NEW = "\n\ndef new(expr):\n    return eval(expr)\n"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "dev@example.com")
    git(path, "config", "user.name", "Dev")
    git(path, "config", "commit.gpgsign", "false")
    (path / ".secsdlc.toml").write_text(ALL_CHECKS)
    return path


@pytest.fixture
def commit(repo: Path) -> Callable[..., None]:
    def make(files: dict[str, str], message: str = "change") -> None:
        for rel, content in files.items():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            (repo / rel).write_text(content)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", message)
    return make


from tests.engine.conftest import project  # noqa: E402,F401  (shared fixture)
