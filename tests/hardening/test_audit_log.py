"""The audit log merges like code, and a waiver counts only with its entries in it: real git,
real ssh-keygen keys, the commands as users run them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from secsdlc.cli import main
from secsdlc.signoff import audit, waivers

from ..signoff.world import request_args
from .conftest import commit_all, git


@pytest.fixture
def project(repo: Path, make_key, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    admin, sec = make_key("admin@example.com"), make_key("sec@example.com")
    monkeypatch.setenv("SECSDLC_TRUST_ROOT", admin.fingerprint)
    assert main(["correspondent", "--root", str(repo), "add", admin.principal, str(admin.public),
                 "--key", str(admin.private), "--project", "shop"]) == 0
    assert main(["correspondent", "--root", str(repo), "add", sec.principal, str(sec.public),
                 "--key", str(admin.private)]) == 0
    commit_all(repo, "registry")
    capsys.readouterr()
    return repo, admin, sec


def _request(repo: Path, code: str, capsys) -> str:  # type: ignore[no-untyped-def]
    expires = (datetime.now(timezone.utc) + timedelta(days=20)).date().isoformat()
    capsys.readouterr()
    assert main(["waiver", "--root", str(repo), "request", *request_args(repo, code=code),
                 "--reason", "constant", "--expires", expires]) == 0
    return capsys.readouterr().out.split(":")[0]


def _listed(repo: Path, wid: str, capsys) -> str:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(["waiver", "--root", str(repo), "list"]) == 0
    return next(line for line in capsys.readouterr().out.splitlines() if line.startswith(wid))


def test_two_branches_appending_merge_with_the_default_merge_commit(project, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, _admin, sec = project
    git(repo, "checkout", "-q", "-b", "feature")
    on_feature = _request(repo, "a()", capsys)
    commit_all(repo, "waiver on a branch")
    git(repo, "checkout", "-q", "main")
    on_main = _request(repo, "b()", capsys)
    assert main(["waiver", "--root", str(repo), "approve", on_main, "--key",
                 str(sec.private)]) == 0
    commit_all(repo, "waiver on main")
    git(repo, "merge", "-q", "--no-edit", "feature")  # no conflict to resolve
    capsys.readouterr()
    assert main(["audit", "--root", str(repo), "verify"]) == 0
    assert "by correspondents" in capsys.readouterr().out
    assert main(["waiver", "--root", str(repo), "approve", on_feature, "--key",
                 str(sec.private)]) == 0
    commit_all(repo, "approve the merged one")
    assert main(["audit", "--root", str(repo), "verify"]) == 0
    assert "approved" in _listed(repo, on_feature, capsys)
    assert "approved" in _listed(repo, on_main, capsys)


def test_deleting_the_log_voids_the_waivers(project, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, _admin, sec = project
    wid = _request(repo, "a()", capsys)
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(sec.private)]) == 0
    commit_all(repo, "waiver")
    assert "approved" in _listed(repo, wid, capsys)
    git(repo, "rm", "-q", "-r", audit.AUDIT_DIR)
    commit_all(repo, "no more log")
    line = _listed(repo, wid, capsys)
    assert "invalid" in line and "audit log cannot be relied on" in line
    assert main(["audit", "--root", str(repo), "verify"]) == 1


def test_a_waiver_counts_only_with_its_request_and_signed_approval_entries(
        project, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, _admin, sec = project
    wid = _request(repo, "a()", capsys)
    # a correspondent's signature made outside the commands: no approval entry in the log
    w = waivers.load(waivers.path_for(repo, wid))
    waivers.save(repo, waivers.approve(w, sec.loaded, sec.principal))
    line = _listed(repo, wid, capsys)
    assert "invalid" in line and "no waiver-approve entry" in line
    # an unsigned approval entry written by hand is not one either
    audit.append(repo, action="waiver-approve", actor=sec.principal, data={"waiver": wid})
    capsys.readouterr()
    assert main(["audit", "--root", str(repo), "verify"]) == 1
    assert "waiver-approve is not signed" in capsys.readouterr().out
    assert "audit log cannot be relied on" in _listed(repo, wid, capsys)


def test_a_waiver_without_its_request_entry_does_not_count(project, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, _admin, sec = project
    wid = _request(repo, "a()", capsys)
    # the request entry is the newest: removing it leaves no dangling link
    [request] = [p for p in (repo / audit.AUDIT_DIR).glob("*.json")
                 if f'"{wid}"' in p.read_text()]
    request.unlink()
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(sec.private)]) == 0
    line = _listed(repo, wid, capsys)
    assert "invalid" in line and "no waiver-request entry" in line
