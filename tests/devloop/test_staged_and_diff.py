"""--staged and --diff-base: only what the change introduces blocks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.devloop.conftest import VULN_NEW, VULN_OLD, git
from tests.engine.conftest import run_cli


def _scan(repo: Path, *args: str) -> tuple[int, list[tuple[str, int, str, str]], dict]:
    proc = run_cli("scan", *args, "--scanners", "bandit", "--format", "json", "--fail-on",
                   "medium", cwd=repo)
    doc = json.loads(proc.stdout) if proc.stdout.startswith("{") else {}
    found = sorted((f["path"], f["startLine"], f["rule"], f["baselineState"])
                   for f in doc.get("findings", []))
    return proc.returncode, found, {"stderr": proc.stderr, **doc}


def test_staged_scans_the_index_not_the_work_tree(repo: Path, commit: Callable[..., None]) -> None:
    commit({"app.py": VULN_OLD, "gone.py": "x = 1\n"})
    (repo / "app.py").write_text(VULN_OLD + VULN_NEW)
    git(repo, "add", "app.py")
    # an unstaged change must not be scanned: it is not part of the commit
    (repo / "app.py").write_text(VULN_OLD + VULN_NEW + "\n\ndef later(c):\n    exec(c)\n")
    git(repo, "rm", "-q", "gone.py")
    rc, found, _ = _scan(repo, "--staged")
    assert rc == 1
    assert ("app.py", 9, "B307", "new") in found  # eval, staged: blocks
    assert ("app.py", 5, "B605", "unchanged") in found  # already in HEAD: does not block
    assert not any(rule == "B102" for _, _, rule, _ in found)  # exec is not staged
    assert not any(path == "gone.py" for path, *_ in found)


def test_staged_without_new_findings_passes(repo: Path, commit: Callable[..., None]) -> None:
    commit({"app.py": VULN_OLD})
    (repo / "app.py").write_text("# a comment\n" + VULN_OLD)
    git(repo, "add", "app.py")
    rc, found, _ = _scan(repo, "--staged")
    assert rc == 0
    assert found == [("app.py", 6, "B605", "unchanged")]


def test_diff_base_reports_new_and_fixed(repo: Path, commit: Callable[..., None]) -> None:
    commit({"app.py": VULN_OLD,
            "lib.py": "import pickle\n\ndef f(b):\n    return pickle.loads(b)\n"})
    git(repo, "checkout", "-q", "-b", "feature")
    commit({"app.py": VULN_OLD + VULN_NEW, "lib.py": "import json\n\ndef f(b):\n"
                                                     "    return json.loads(b)\n"})
    git(repo, "mv", "app.py", "renamed.py")
    git(repo, "commit", "-q", "-m", "rename")
    rc, found, _ = _scan(repo, "--diff-base", "main")
    assert rc == 1
    # the rename keeps the old finding unchanged under its new name
    assert ("renamed.py", 5, "B605", "unchanged") in found
    assert ("renamed.py", 9, "B307", "new") in found
    assert ("lib.py", 4, "B301", "absent") in found  # fixed on the branch


def test_shallow_clone_is_deepened(repo: Path, commit: Callable[..., None], tmp_path: Path) -> None:
    commit({"app.py": VULN_OLD})
    for i in range(3):
        commit({f"m{i}.py": f"x = {i}\n"})
    git(repo, "checkout", "-q", "-b", "feature")
    for i in range(3):
        commit({f"f{i}.py": f"y = {i}\n"})
    commit({"new.py": VULN_NEW})
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo}",
        str(clone))
    rc, found, doc = _scan(clone, "--diff-base", "origin/main")
    assert rc == 1, doc["stderr"]
    assert found == [("new.py", 4, "B307", "new")]


def test_shallow_clone_without_history_fails_clearly(repo: Path, commit: Callable[..., None],
                                                     tmp_path: Path) -> None:
    commit({"app.py": VULN_OLD})
    git(repo, "checkout", "-q", "-b", "feature")
    commit({"new.py": VULN_NEW})
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo}",
        str(clone))
    git(clone, "remote", "remove", "origin")
    rc, _, doc = _scan(clone, "--diff-base", "main")
    assert rc == 2
    assert "shallow" in doc["stderr"]


def test_unknown_base_is_a_usage_error(repo: Path, commit: Callable[..., None]) -> None:
    commit({"app.py": VULN_OLD})
    rc, _, doc = _scan(repo, "--diff-base", "no-such-branch")
    assert rc == 2 and "no-such-branch" in doc["stderr"]
