"""The project a waiver, sign-off or relaxation is bound to comes from the signed registry, which
the repository cannot edit: attacks with real git repositories and ssh-keygen keys."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from secsdlc import config as config_mod
from secsdlc.cli import main
from secsdlc.gate.pipeline import GateOptions, decide
from secsdlc.model import Severity
from secsdlc.signoff import waivers

from ..signoff.world import finding, request_args, result, scanned_fp
from .conftest import commit_all, git

FP = scanned_fp()  # the finding the waivers cover


def _new_repo(path: Path) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "dev@example.com")
    (path / "README").write_text(f"{path.name}\n")
    commit_all(path, "init")
    return path


def _registry(repo: Path, admin, sec, project: str | None) -> None:  # type: ignore[no-untyped-def]
    extra = ["--project", project] if project is not None else []
    assert main(["correspondent", "--root", str(repo), "add", admin.principal, str(admin.public),
                 "--key", str(admin.private), *extra]) == 0
    assert main(["correspondent", "--root", str(repo), "add", sec.principal, str(sec.public),
                 "--key", str(admin.private)]) == 0
    commit_all(repo, "registry")


def _approved_waiver(repo: Path, sec, capsys: pytest.CaptureFixture[str]) -> str:  # type: ignore[no-untyped-def]
    expires = (datetime.now(timezone.utc) + timedelta(days=20)).date().isoformat()
    capsys.readouterr()
    assert main(["waiver", "--root", str(repo), "request", *request_args(repo),
                 "--reason", "constant", "--expires", expires]) == 0
    wid = capsys.readouterr().out.split(":")[0]
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(sec.private)]) == 0
    commit_all(repo, "waiver")
    return wid


def _gate(repo: Path, admin, *, mode: str = "advisory", config=None):  # type: ignore[no-untyped-def]
    res = replace(result(finding(FP), finding("f2", path="legacy/a.py")), mode=mode)
    return decide(res, config or config_mod.Config(), repo,
                  GateOptions(fail_on=Severity.HIGH, trust_root=(admin.fingerprint,)))


@pytest.fixture
def shop_and_billing(tmp_path: Path, make_key, capsys):  # type: ignore[no-untyped-def]
    admin, sec = make_key("admin@example.com"), make_key("sec@example.com")
    shop, billing = _new_repo(tmp_path / "shop"), _new_repo(tmp_path / "billing")
    _registry(shop, admin, sec, "shop")
    _registry(billing, admin, sec, "billing")
    return shop, billing, admin, sec


def _copy_waiver(shop: Path, billing: Path, wid: str) -> None:
    target = billing / waivers.WAIVER_DIR
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(waivers.path_for(shop, wid), target)


@pytest.mark.parametrize("pyproject", [
    '[tool.secsdlc.policy]\nproject = "shop"\n',  # claims to be the other project
    '[tool.secsdlc.policy]\nfail-on = "high"\n',  # names none
])
def test_a_waiver_copied_from_another_project_does_not_count(
        shop_and_billing, capsys, pyproject: str) -> None:  # type: ignore[no-untyped-def]
    shop, billing, admin, sec = shop_and_billing
    wid = _approved_waiver(shop, sec, capsys)
    res, verdict = _gate(shop, admin)
    assert any(f.suppressed for f in res.findings if f.fingerprint == FP)
    _copy_waiver(shop, billing, wid)
    (billing / "pyproject.toml").write_text(pyproject)
    commit_all(billing, "borrow shop's waiver")
    cfg = config_mod.load(billing / "pyproject.toml", known_scanner_options={})
    res, verdict = _gate(billing, admin, config=cfg)
    assert not verdict.passed
    reasons = "\n".join(verdict.reasons)
    assert "waiver is for project 'shop', this is 'billing'" in reasons, reasons
    capsys.readouterr()
    assert main(["waiver", "--root", str(billing), "list", "--trust-root",
                 admin.fingerprint]) == 0
    assert f"{wid}  invalid" in capsys.readouterr().out


def test_no_signed_project_means_no_waiver_in_enforce_mode(
        tmp_path: Path, make_key, capsys) -> None:  # type: ignore[no-untyped-def]
    admin, sec = make_key("admin@example.com"), make_key("sec@example.com")
    repo = _new_repo(tmp_path / "noproject")
    _registry(repo, admin, sec, None)
    _approved_waiver(repo, sec, capsys)
    res, verdict = _gate(repo, admin, mode="advisory")
    assert any(f.suppressed for f in res.findings if f.fingerprint == FP)
    res, verdict = _gate(repo, admin, mode="enforce")
    assert not verdict.passed
    assert "the registry names no project" in "\n".join(verdict.reasons)
    # a project named only in the repository's configuration does not help
    (repo / "pyproject.toml").write_text('[tool.secsdlc.policy]\nproject = ""\n')
    cfg = config_mod.load(repo / "pyproject.toml", known_scanner_options={})
    _, verdict = _gate(repo, admin, mode="enforce", config=cfg)
    assert not verdict.passed


def test_a_relaxation_signed_for_another_project_is_tighten_only(
        shop_and_billing, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shop, billing, admin, sec = shop_and_billing
    monkeypatch.setenv("SECSDLC_TRUST_ROOT", admin.fingerprint)
    policy = '[policy]\nfail-on = "high"\n[policy.overrides."legacy"]\nfail-on = "critical"\n'
    (shop / ".secsdlc.toml").write_text(policy)
    capsys.readouterr()
    assert main(["correspondent", "--root", str(shop), "sign-override", "legacy",
                 "--key", str(sec.private)]) == 0
    signed = policy + capsys.readouterr().out.split("\n", 1)[1]
    (shop / ".secsdlc.toml").write_text(signed)
    cfg = config_mod.load(shop / ".secsdlc.toml", known_scanner_options={})
    res, verdict = decide(result(finding("f2", path="legacy/a.py")), cfg, shop,
                          GateOptions(fail_on=Severity.HIGH))
    assert verdict.passed, verdict.reasons
    (billing / ".secsdlc.toml").write_text(signed)
    cfg = config_mod.load(billing / ".secsdlc.toml", known_scanner_options={})
    res, verdict = decide(result(finding("f2", path="legacy/a.py")), cfg, billing,
                          GateOptions(fail_on=Severity.HIGH))
    assert not verdict.passed
    assert any("relaxation not signed by a correspondent" in n.message
               for n in res.notifications)
