"""The registry's chain of versions cannot go backwards: attacks by someone with write access and
no correspondent key, on real git repositories with real ssh-keygen keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from secsdlc.cli import main
from secsdlc.signoff import registry

from .conftest import commit_all, git

FILES = (registry.REGISTRY_FILE, registry.SIGNATURE_FILE)


def _cli(repo: Path, *args: str) -> int:
    return main(["correspondent", "--root", str(repo), *args])


def _verify(repo: Path, admin, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    rc = _cli(repo, "verify", "--trust-root", admin.fingerprint)
    return rc, capsys.readouterr().out


@pytest.fixture
def chain(repo: Path, make_key, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """v1 {admin} -> v2 {admin, bob} -> v3 {admin}: bob's key was compromised and removed."""
    admin, bob = make_key("admin@example.com"), make_key("bob@example.com")
    assert _cli(repo, "add", admin.principal, str(admin.public), "--key", str(admin.private),
                "--project", "shop") == 0
    v1 = commit_all(repo, "registry")
    assert _cli(repo, "add", bob.principal, str(bob.public), "--key", str(admin.private)) == 0
    v2 = commit_all(repo, "add bob")
    assert _cli(repo, "remove", bob.principal, "--key", str(admin.private)) == 0
    v3 = commit_all(repo, "remove bob")
    rc, out = _verify(repo, admin, capsys)
    assert rc == 0 and "1 correspondent(s)" in out and "3 signed version(s)" in out
    return repo, admin, bob, {"v1": v1, "v2": v2, "v3": v3}


def test_restoring_the_version_before_a_removal_fails(chain, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, admin, _bob, commits = chain
    git(repo, "checkout", commits["v2"], "--", *FILES)
    replay = commit_all(repo, "restore bob")
    rc, out = _verify(repo, admin, capsys)
    assert rc == 1
    assert f"commit {replay[:12]} is version 2" in out and "newest version before it is 3" in out


def test_reverting_the_removal_fails(chain, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, admin, _bob, commits = chain
    git(repo, "revert", "--no-edit", commits["v3"])
    revert = git(repo, "rev-parse", "HEAD").strip()
    rc, out = _verify(repo, admin, capsys)
    assert rc == 1 and f"commit {revert[:12]}" in out and "cannot replace a newer one" in out


def test_deleting_and_restoring_the_first_version_fails(chain, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, admin, _bob, commits = chain
    git(repo, "rm", "-q", *FILES)
    commit_all(repo, "drop the registry")
    rc, out = _verify(repo, admin, capsys)
    assert rc == 1 and "was deleted (after version 3)" in out
    git(repo, "checkout", commits["v1"], "--", *FILES)
    restored = commit_all(repo, "start again")
    rc, out = _verify(repo, admin, capsys)
    assert rc == 1 and f"commit {restored[:12]} is version 1" in out


def test_undoing_a_deletion_keeps_the_chain(chain, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, admin, _bob, commits = chain
    git(repo, "rm", "-q", *FILES)
    commit_all(repo, "drop the registry")
    git(repo, "checkout", commits["v3"], "--", *FILES)
    commit_all(repo, "put it back")
    rc, out = _verify(repo, admin, capsys)
    assert rc == 0 and "1 correspondent(s)" in out


def test_a_branch_forked_before_the_removal_cannot_keep_its_registry(
        repo: Path, make_key, capsys) -> None:  # type: ignore[no-untyped-def]
    admin, bob = make_key("admin@example.com"), make_key("bob@example.com")
    assert _cli(repo, "add", admin.principal, str(admin.public), "--key", str(admin.private)) == 0
    commit_all(repo, "registry")
    assert _cli(repo, "add", bob.principal, str(bob.public), "--key", str(admin.private)) == 0
    commit_all(repo, "add bob")
    git(repo, "checkout", "-q", "-b", "old")
    (repo / "feature.py").write_text("x = 1\n")
    commit_all(repo, "feature")
    git(repo, "checkout", "-q", "main")
    assert _cli(repo, "remove", bob.principal, "--key", str(admin.private)) == 0
    commit_all(repo, "remove bob")
    # an honest merge of the old branch keeps main's newer registry: trusted
    git(repo, "merge", "-q", "--no-edit", "old")
    rc, out = _verify(repo, admin, capsys)
    assert rc == 0 and "1 correspondent(s)" in out
    # the attacker merges main into the old branch keeping the branch's registry (bob in it)
    git(repo, "checkout", "-q", "old")
    git(repo, "merge", "-q", "--no-edit", "-s", "ours", "main~1")
    merge = git(repo, "rev-parse", "HEAD").strip()
    rc, out = _verify(repo, admin, capsys)
    assert rc == 1 and f"commit {merge[:12]}" in out
    assert "does not contain version 3 of a merged parent" in out


def test_a_registry_signed_for_another_repository_is_refused(
        repo: Path, tmp_path: Path, make_key, capsys) -> None:  # type: ignore[no-untyped-def]
    admin, eve = make_key("admin@example.com"), make_key("eve@example.com")
    assert _cli(repo, "add", admin.principal, str(admin.public), "--key", str(admin.private)) == 0
    commit_all(repo, "registry")
    # another project shares the trust root; eve is a correspondent there
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "OTHER").write_text("y\n")
    commit_all(other, "other project")
    assert _cli(other, "add", admin.principal, str(admin.public), "--key", str(admin.private)) == 0
    commit_all(other, "registry")
    assert _cli(other, "add", eve.principal, str(eve.public), "--key", str(admin.private)) == 0
    commit_all(other, "add eve")
    foreign_root = git(other, "rev-list", "--max-parents=0", "HEAD").strip()
    # its history is merged in, taking its registry
    git(repo, "fetch", "-q", str(other), "main:other")
    git(repo, "merge", "-q", "--no-edit", "--allow-unrelated-histories", "-X", "theirs", "other")
    assert eve.principal in (repo / registry.REGISTRY_FILE).read_text()
    rc, out = _verify(repo, admin, capsys)
    assert rc == 1 and f"signed for repository {foreign_root[:12]}, not this one" in out


def test_two_adds_in_one_commit_are_one_version(repo: Path, make_key, capsys) -> None:  # type: ignore[no-untyped-def]
    admin, bob, carol = (make_key(f"{n}@example.com") for n in ("admin", "bob", "carol"))
    assert _cli(repo, "add", admin.principal, str(admin.public), "--key", str(admin.private)) == 0
    commit_all(repo, "registry")
    assert _cli(repo, "add", bob.principal, str(bob.public), "--key", str(admin.private)) == 0
    assert _cli(repo, "add", carol.principal, str(carol.public), "--key", str(admin.private)) == 0
    rc, out = _verify(repo, admin, capsys)  # uncommitted
    assert rc == 0 and "3 correspondent(s)" in out, out
    commit_all(repo, "bob and carol")
    rc, out = _verify(repo, admin, capsys)
    assert rc == 0 and "3 correspondent(s)" in out and "2 signed version(s)" in out, out
    # a key admitted by a change not committed yet cannot sign the next change in that commit
    dave = make_key("dave@example.com")
    assert _cli(repo, "add", dave.principal, str(dave.public), "--key", str(admin.private)) == 0
    capsys.readouterr()
    eve = make_key("eve@example.com")
    assert _cli(repo, "add", eve.principal, str(eve.public), "--key", str(dave.private)) == 2
    assert "not a correspondent of the current registry" in capsys.readouterr().err


def test_divergent_registry_changes_cannot_both_be_merged(
        repo: Path, make_key, capsys) -> None:  # type: ignore[no-untyped-def]
    admin, bob, carol = (make_key(f"{n}@example.com") for n in ("admin", "bob", "carol"))
    assert _cli(repo, "add", admin.principal, str(admin.public), "--key", str(admin.private)) == 0
    commit_all(repo, "registry")
    git(repo, "checkout", "-q", "-b", "side")
    assert _cli(repo, "add", carol.principal, str(carol.public), "--key", str(admin.private)) == 0
    commit_all(repo, "carol")
    git(repo, "checkout", "-q", "main")
    assert _cli(repo, "add", bob.principal, str(bob.public), "--key", str(admin.private)) == 0
    commit_all(repo, "bob")
    # both are version 2: whichever side the merge keeps, the other's chain is not its prefix
    git(repo, "merge", "-q", "--no-edit", "-s", "ours", "side")
    rc, out = _verify(repo, admin, capsys)
    assert rc == 1 and "does not contain version 2 of a merged parent" in out
