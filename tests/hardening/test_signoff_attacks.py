"""Attacks on the sign-off chain by someone with write access and no correspondent key, with
real git repositories and ssh-keygen keys."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from secsdlc.cli import main
from secsdlc.signoff import waivers

from ..signoff.world import request_args
from .conftest import commit_all, git


@pytest.fixture
def project(repo: Path, make_key, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    admin, bob = make_key("admin@example.com"), make_key("bob@example.com")
    assert main(["correspondent", "--root", str(repo), "add", admin.principal, str(admin.public),
                 "--key", str(admin.private)]) == 0
    commit_all(repo, "registry")
    assert main(["correspondent", "--root", str(repo), "add", bob.principal, str(bob.public),
                 "--key", str(admin.private)]) == 0
    commit_all(repo, "add bob")
    capsys.readouterr()
    return repo, admin, bob


def _expires(days: int) -> str:
    return (datetime.now(timezone.utc) + timedelta(days=days)).date().isoformat()


def test_self_approval_is_refused_whatever_the_case_of_the_address(
        project, capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    repo, admin, bob = project
    monkeypatch.setenv("SECSDLC_TRUST_ROOT", admin.fingerprint)
    git(repo, "config", "user.email", "Bob@Example.COM")
    assert main(["waiver", "--root", str(repo), "request", *request_args(repo),
                 "--reason", "mine", "--expires", _expires(10)]) == 0
    wid = capsys.readouterr().out.split(":")[0]
    # the command refuses...
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(bob.private)]) == 2
    assert "cannot approve their own waiver" in capsys.readouterr().err
    # ...and a waiver signed anyway (bob runs the library himself) is invalid for the gate
    w = waivers.load(waivers.path_for(repo, wid))
    waivers.save(repo, waivers.approve(w, bob.loaded, "bob@example.com"))
    commit_all(repo, "self-approved")
    assert main(["waiver", "--root", str(repo), "list"]) == 0
    out = capsys.readouterr().out
    assert f"{wid}  invalid" in out and "cannot approve their own waiver" in out
    # another correspondent's approval of the same request is what makes it count
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(admin.private)]) == 0
    assert main(["waiver", "--root", str(repo), "list"]) == 0
    assert f"{wid}  approved" in capsys.readouterr().out


def test_correspondent_remove_matches_the_address_case_insensitively(
        project, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    repo, admin, _bob = project
    assert main(["correspondent", "--root", str(repo), "remove", "BOB@example.com", "--key",
                 str(admin.private)]) == 0
    assert main(["correspondent", "--root", str(repo), "list"]) == 0
    assert "bob@example.com" not in capsys.readouterr().out


def _log_entries(repo: Path) -> list[dict[str, object]]:
    import json

    from secsdlc.signoff import audit

    return [body for _, body in audit.ordered(
        {p.stem: json.loads(p.read_text()) for p in (repo / audit.AUDIT_DIR).glob("*.json")})]


def _append_raw(repo: Path, entry: dict[str, object]) -> None:
    """What a developer can write by hand: an entry naming the newest ones, as append does."""
    from secsdlc.signoff import audit
    from secsdlc.signoff.canonical import canonical

    entries = {p.stem for p in (repo / audit.AUDIT_DIR).glob("*.json")}
    named = {prev for e in _log_entries(repo) for prev in e["prev"]}  # type: ignore[attr-defined]
    entry = {**entry, "prev": sorted(entries - named)}
    (repo / audit.AUDIT_DIR / f"{audit.entry_id(entry)}.json").write_bytes(canonical(entry) + b"\n")


@pytest.mark.parametrize(("action", "data"), [
    ("correspondent-remove", {"principal": "bob@example.com"}),
    ("policy-sign", {"file": "pyproject.toml", "version": 9}),
    ("override-sign", {"override": "legacy"}),
])
def test_unsigned_privileged_audit_entries_do_not_verify(
        project, capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
        action: str, data: dict[str, object]) -> None:
    repo, _admin, _bob = project
    # a developer writes the entries a correspondent would, without a key
    _append_raw(repo, {"time": "2099-01-01T00:00:00Z", "actor": "admin@example.com",
                       "action": action, "data": data})
    assert main(["audit", "--root", str(repo), "verify", "--no-git"]) == 1
    assert f"{action} is not signed" in capsys.readouterr().out
    assert main(["audit", "--root", str(repo), "show"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[-1].endswith("[NOT SIGNED: does not count]")
    assert "[signed SHA256:" in shown[0]  # the real first entry, verified


def test_audit_show_says_signed_only_after_verifying(
        project, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    repo, _admin, _bob = project
    entries = _log_entries(repo)
    forged = {**entries[-1], "time": "2099-01-01T00:00:00Z", "actor": "dev@example.com",
              "action": "waiver-approve", "data": {"waiver": "w-1"}}
    forged.pop("prev")
    _append_raw(repo, forged)  # signer and signature copied from another entry
    assert main(["audit", "--root", str(repo), "show"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert "signature INVALID" in last and "[signed" not in last
