"""Committed bytecode is code no scanner reads, and Python runs it: a `__pycache__` file compiled
with the unchecked-hash invalidation mode is imported in place of the scanned source, whatever the
source says, and a `module.pyc` beside the sources is importable with no source at all. In
enforce mode each is an error that fails the gate (exit 2); in advisory mode a warning. Real git,
bandit and semgrep on a temporary repository; the interpreter is checked to run the bytecode."""

from __future__ import annotations

import importlib.util
import py_compile
import subprocess
import sys
from pathlib import Path

import pytest

from tests.enforce.conftest import commit_all, git, scan

BENIGN = "import requests\n\n\ndef fetch(url):\n    return requests.get(url, timeout=5)\n"
HIDDEN = BENIGN.replace("timeout=5", "timeout=5, verify=False")


def _repo(tmp_path: Path, where: str) -> tuple[Path, str]:
    root = tmp_path / "repo"
    (root / "app").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "commit.gpgsign", "false")
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "helpers.py").write_text(BENIGN)
    commit_all(root, "base")
    git(root, "checkout", "-q", "-b", "feature")
    source = tmp_path / "elsewhere" / "helpers.py"
    source.parent.mkdir()
    source.write_text(HIDDEN)
    if where == "pycache":
        cached = importlib.util.cache_from_source(str(root / "app" / "helpers.py"))
        module = "app.helpers"
    else:
        cached = str(root / "app" / "vendored.pyc")
        module = "app.vendored"
    py_compile.compile(str(source), cfile=cached,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    git(root, "add", "-f", "-A")
    commit_all(root, "bytecode")
    # what runs is the hidden code, not the scanned source
    ran = subprocess.run([sys.executable, "-c", f"import {module} as m; "
                          "print(m.fetch.__code__.co_consts)"], cwd=root, capture_output=True,
                         text=True, check=True)
    assert "'verify'" in ran.stdout, ran.stdout
    return root, Path(cached).relative_to(root).as_posix()


@pytest.mark.parametrize("where", ["pycache", "beside"])
@pytest.mark.parametrize("diff", [(), ("--diff-base", "main")], ids=["full", "pull-request"])
def test_committed_bytecode_runs_code_no_scanner_read(tmp_path: Path, mode: str, where: str,
                                                      diff: tuple[str, ...]) -> None:
    root, rel = _repo(tmp_path, where)
    out = scan(mode, root, str(root), *diff, scanners="bandit,semgrep,secrets")
    if mode == "enforce":
        assert out.rc == 2, out.doc
        assert out.errors_about(rel), out.notes
    elif where == "beside":
        assert out.rc == 0, out.doc
        assert out.warnings_about(rel), out.notes
    else:
        # advisory mode keeps the built-in exclusions, `__pycache__` among them (documented)
        assert out.rc == 0 and not out.errors_about(rel), out.notes
