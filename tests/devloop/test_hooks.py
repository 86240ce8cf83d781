"""The hooks through the real pre-commit client, and the plain git hooks, in temp repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.devloop.conftest import VULN_OLD, git
from tests.engine.conftest import REPO, run_cli

# high severity (an AWS key id: the secrets scanner), so the default fail-on blocks it, at
# app.py:8; assembled here so that no scanner flags this test file itself
HIGH_NEW = '\n\nAWS_ACCESS_KEY_ID = "' + "AKIA" + 'Q3EGUJ7RZ4XKPW2M"\n'
HIGH_LOC = "app.py:8"


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "SEMGREP_ENABLE_VERSION_CHECK": "0"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=1200)


def test_try_repo_blocks_only_what_the_commit_introduces(
        repo: Path, commit: Callable[..., None], pre_commit_home: Path) -> None:
    commit({"app.py": VULN_OLD, "README.md": "hello\n"})
    (repo / "app.py").write_text(VULN_OLD + HIGH_NEW)
    git(repo, "add", "app.py")
    proc = _pre_commit(repo, pre_commit_home, "try-repo", str(REPO), "secsdlc", "--verbose")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert HIGH_LOC in out and "aws-access-key-id" in out
    assert "app.py:5" not in out  # pre-existing: not this commit's doing
    assert "# secsdlc: ignore" in out and "waiver" in out  # how to suppress or ask for a waiver

    # a commit that adds nothing risky passes quietly
    (repo / "app.py").write_text(VULN_OLD + "\n\ndef ok():\n    return 1\n")
    git(repo, "add", "app.py")
    proc = _pre_commit(repo, pre_commit_home, "try-repo", str(REPO), "secsdlc")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_config_pointing_at_this_repository(repo: Path, commit: Callable[..., None],
                                            pre_commit_home: Path) -> None:
    rev = git(REPO, "rev-parse", "HEAD").strip()
    commit({".pre-commit-config.yaml":
            f"repos:\n- repo: {REPO}\n  rev: {rev}\n  hooks:\n  - id: secsdlc-secrets\n",
            "notes.md": "hello\n"})
    proc = _pre_commit(repo, pre_commit_home, "install")
    assert proc.returncode == 0, proc.stderr
    token = "ghp_" + "Zx9Qw3Er7Ty1Ui5Op2As8Df4Gh6Jk0LzXcVbN"
    (repo / "notes.md").write_text(f"deploy with {token}\n")
    git(repo, "add", "notes.md")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)}
    blocked = subprocess.run(["git", "commit", "-q", "-m", "leak"], cwd=repo, env=env,
                             capture_output=True, text=True, timeout=1200)
    assert blocked.returncode != 0
    out = blocked.stdout + blocked.stderr
    assert "notes.md:1" in out and "github-token" in out
    assert token not in out and token[4:20] not in out


def test_install_hooks_and_a_real_commit(repo: Path, commit: Callable[..., None]) -> None:
    commit({"app.py": VULN_OLD})
    proc = run_cli("install-hooks", "--hooks", "pre-commit", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    hook = repo / ".git" / "hooks" / "pre-commit"
    assert os.access(hook, os.X_OK)

    # refuses to overwrite, unless --force
    assert run_cli("install-hooks", "--hooks", "pre-commit", cwd=repo).returncode == 2
    assert run_cli("install-hooks", "--hooks", "pre-commit", "--force", cwd=repo).returncode == 0

    env = {**os.environ, "SECSDLC_CACHE_DIR": os.environ["SECSDLC_CACHE_DIR"]}
    (repo / "app.py").write_text(VULN_OLD + HIGH_NEW)
    git(repo, "add", "app.py")
    blocked = subprocess.run(["git", "commit", "-q", "-m", "eval"], cwd=repo, env=env,
                             capture_output=True, text=True, timeout=600)
    assert blocked.returncode != 0, blocked.stdout
    assert HIGH_LOC in blocked.stdout + blocked.stderr  # git shows hook output on stderr
    (repo / "app.py").write_text(VULN_OLD + "\n\ndef fine():\n    return 2\n")
    git(repo, "add", "app.py")
    passed = subprocess.run(["git", "commit", "-q", "-m", "fine"], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=600)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_pre_push_scans_the_pushed_commits_not_the_work_tree(
    repo: Path, commit: Callable[..., None], tmp_path: Path
) -> None:
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(repo, "remote", "add", "origin", str(remote))
    (repo / ".secsdlc.toml").write_text('[scanners]\nenabled = ["secrets"]\n')
    commit({"app.py": VULN_OLD})
    git(repo, "push", "-q", "origin", "main")
    assert run_cli("install-hooks", "--hooks", "pre-push", cwd=repo).returncode == 0
    env = {**os.environ, "SECSDLC_CACHE_DIR": os.environ["SECSDLC_CACHE_DIR"]}

    def push(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "push", "-q", "origin", *args], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=600)

    # a leak that stays untracked is not pushed: it does not block
    (repo / "scratch.py").write_text(VULN_OLD + HIGH_NEW)
    (repo / "util.py").write_text("def add(a, b):\n    return a + b\n")
    git(repo, "add", "util.py")
    git(repo, "commit", "-q", "-m", "util")
    passed = push("main")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    (repo / "scratch.py").unlink()

    # a committed leak blocks even when the work tree no longer has it
    commit({"app.py": VULN_OLD + HIGH_NEW}, message="key")
    (repo / "app.py").write_text(VULN_OLD)
    blocked = push("main")
    assert blocked.returncode != 0
    assert HIGH_LOC in blocked.stdout + blocked.stderr

    # a new branch is compared from the parent of its first commit the remote lacks
    git(repo, "checkout", "-q", "-f", "-b", "feature", "HEAD~1")
    commit({"feature.py": "TOKEN = None\n"}, message="feature")
    assert push("feature").returncode == 0
    commit({"app.py": VULN_OLD + HIGH_NEW}, message="key on feature")
    git(repo, "checkout", "-q", "-b", "feature2")
    blocked = push("feature2")
    assert blocked.returncode != 0 and HIGH_LOC in blocked.stdout + blocked.stderr


def test_install_hooks_outside_a_repository(tmp_path: Path) -> None:
    proc = run_cli("install-hooks", cwd=tmp_path)
    assert proc.returncode == 2 and "not inside a git repository" in proc.stderr
