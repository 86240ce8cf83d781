"""What a pull request can make count as "unchanged" in a diff-aware scan (`--diff-base`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.enforce.conftest import VULN, commit_all, git, scan


def _branch(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    git(root, "config", "commit.gpgsign", "false")
    commit_all(root, "base")
    git(root, "checkout", "-q", "-b", "feature")
    return root


def test_test_code_moved_into_the_application(project: Any, mode: str) -> None:
    """In tests/ the finding never blocked (the tests scope); renamed into app/ it is new."""
    root = _branch(project({}), {"tests/test_fetch.py": VULN, "app/__init__.py": ""})
    base = scan(mode, root, scanners="bandit,semgrep")
    assert base.rc == 0, base.doc["verdict"]
    git(root, "mv", "tests/test_fetch.py", "app/fetch.py")
    commit_all(root, "move")
    out = scan(mode, root, str(root), "--diff-base", "main", scanners="bandit,semgrep")
    assert out.rc == 1, out.doc["findings"]
    assert any(f["path"] == "app/fetch.py" and f["baselineState"] == "new"
               for f in out.doc["findings"])


def test_rename_within_the_application_stays_unchanged(project: Any, mode: str) -> None:
    root = _branch(project({}), {"app/old.py": VULN})
    git(root, "mv", "app/old.py", "app/new.py")
    commit_all(root, "rename")
    out = scan(mode, root, str(root), "--diff-base", "main", scanners="bandit,semgrep")
    assert out.rc == 0, out.doc["findings"]
    assert out.doc["findings"] and all(f["baselineState"] == "unchanged"
                                       for f in out.doc["findings"])
