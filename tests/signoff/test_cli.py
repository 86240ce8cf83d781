"""The commands end to end, in process, on a real git repository with real ssh-keygen keys."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from secsdlc.cli import main
from secsdlc.model import Severity
from secsdlc.signoff import audit

from .conftest import commit_all, git
from .world import CODE, request_args, scanned_fp


@pytest.fixture
def project(repo, make_key, capsys):
    admin, sec = make_key("admin@example.com"), make_key("sec@example.com")
    # the project waivers and sign-offs are bound to is signed with the registry
    assert main(["correspondent", "--root", str(repo), "add", admin.principal, str(admin.public),
                 "--key", str(admin.private), "--project", "shop"]) == 0
    assert f"SECSDLC_TRUST_ROOT={admin.fingerprint}" in capsys.readouterr().out
    commit_all(repo, "registry")
    assert main(["correspondent", "--root", str(repo), "add", sec.principal, str(sec.public),
                 "--key", str(admin.private)]) == 0
    commit_all(repo, "add sec")
    return repo, admin, sec


def _expires(days: int) -> str:
    return (datetime.now(timezone.utc) + timedelta(days=days)).date().isoformat()


def _request(repo, capsys, days=20, code=CODE):
    capsys.readouterr()
    code = main(["waiver", "--root", str(repo), "request", *request_args(repo, code=code),
                 "--reason", "constant input", "--expires", _expires(days)])
    out = capsys.readouterr().out
    assert code == 0, out
    return out.split(":")[0]


def test_registry_commands(project, capsys, make_key):
    repo, admin, _ = project
    capsys.readouterr()
    assert main(["correspondent", "--root", str(repo), "verify", "--trust-root",
                 admin.fingerprint]) == 0
    assert "2 correspondent(s), 2 signed version(s)" in capsys.readouterr().out
    assert main(["correspondent", "--root", str(repo), "list"]) == 0
    listed = capsys.readouterr().out
    assert "admin@example.com  ssh-ed25519 SHA256:" in listed and "sec@example.com" in listed
    dev = make_key("dev@example.com")
    # a developer cannot add themselves
    assert main(["correspondent", "--root", str(repo), "add", dev.principal, str(dev.public),
                 "--key", str(dev.private)]) == 2
    assert "only an existing correspondent may change it" in capsys.readouterr().err
    assert main(["correspondent", "--root", str(repo), "verify", "--trust-root",
                 dev.fingerprint]) == 1
    assert "NOT trusted" in capsys.readouterr().out


def test_waiver_flow(project, capsys, monkeypatch):
    repo, admin, _sec = project
    monkeypatch.setenv("SECSDLC_TRUST_ROOT", admin.fingerprint)
    wid = _request(repo, capsys)
    assert (repo / ".secsdlc/waivers" / f"{wid}.json").is_file()
    assert main(["waiver", "--root", str(repo), "list"]) == 0
    assert f"{wid}  pending" in capsys.readouterr().out
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(admin.private)]) == 0
    assert "approved by admin@example.com" in capsys.readouterr().out
    assert main(["waiver", "--root", str(repo), "list"]) == 0
    out = capsys.readouterr().out
    assert f"{wid}  approved  B602 app/x.py" in out and "by admin@example.com" in out
    assert main(["audit", "--root", str(repo), "verify"]) == 0
    assert "4 entries, 3 signed" in capsys.readouterr().out


def test_waiver_request_beyond_policy_is_refused(project, capsys):
    repo, *_ = project
    code = main(["waiver", "--root", str(repo), "request",
                 *request_args(repo, rule="R", path="a.py", severity=Severity.CRITICAL),
                 "--reason", "r", "--expires", _expires(30)])
    assert code == 2
    assert "allows at most 14 days for a critical finding" in capsys.readouterr().err


def test_outsider_and_requester_cannot_approve(project, capsys, make_key):
    repo, _admin, sec = project
    wid = _request(repo, capsys)
    dev = make_key("dev@example.com")
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(dev.private)]) == 2
    assert "is not a correspondent's key" in capsys.readouterr().err
    git(repo, "config", "user.email", "sec@example.com")
    own = _request(repo, capsys, code="os.system(cmd)")
    assert main(["waiver", "--root", str(repo), "approve", own, "--key", str(sec.private)]) == 2
    assert "cannot approve their own waiver" in capsys.readouterr().err


def test_audit_tampering_is_reported_with_the_entry(project, capsys):
    repo, *_ = project
    entries = sorted((repo / audit.AUDIT_DIR).glob("*.json"))
    entry = entries[0]
    entry.write_text(entry.read_text().replace("correspondent-add", "correspondent-xxx"))
    capsys.readouterr()
    assert main(["audit", "--root", str(repo), "verify"]) == 1
    assert f"{entry.name}: content does not match its name" in capsys.readouterr().out
    entry.unlink()
    assert main(["audit", "--root", str(repo), "verify"]) == 1
    # named by the entry that links to it, or, if it was the newest, by git
    out = capsys.readouterr().out
    assert (f"{entry.name}: committed, and deleted" in out
            or f"names entry {entry.stem[:12]}, which is missing" in out), out


def _gated_world(project, capsys, tmp_path, monkeypatch):
    pytest.importorskip("secsdlc.sarif.reader")
    from secsdlc.sarif.writer import dumps

    from .world import finding, result

    repo, admin, sec = project
    monkeypatch.setenv("SECSDLC_TRUST_ROOT", admin.fingerprint)
    sarif = tmp_path / "scan.sarif"
    sarif.write_text(dumps(result(finding(scanned_fp(), snippet=CODE))))
    assert main(["gate", "--root", str(repo), "--sarif", str(sarif)]) == 1
    assert "high B602 at app/x.py:3" in capsys.readouterr().out
    wid = _request(repo, capsys)
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(sec.private)]) == 0
    capsys.readouterr()
    return repo, sec, sarif


def test_gate_on_sarif_with_waiver_and_signoff(project, capsys, tmp_path, monkeypatch):
    repo, sec, sarif = _gated_world(project, capsys, tmp_path, monkeypatch)
    assert main(["gate", "--root", str(repo), "--sarif", str(sarif), "--format", "json",
                 "--output", str(tmp_path / "report.json")]) == 0
    assert main(["gate", "--root", str(repo), "--sarif", str(sarif), "--require-signoff"]) == 1
    commit_all(repo, "waiver")
    assert main(["signoff", "--root", str(repo), "--sarif", str(sarif), "--key",
                 str(sec.private)]) == 0
    assert "with 0 open finding(s) as sec@example.com" in capsys.readouterr().out
    assert main(["gate", "--root", str(repo), "--sarif", str(sarif), "--require-signoff",
                 "--format", "json", "--output", str(tmp_path / "r2.json")]) == 0
    (repo / "z").write_text("z")
    commit_all(repo, "later")
    capsys.readouterr()
    assert main(["gate", "--root", str(repo), "--sarif", str(sarif), "--require-signoff",
                 "--format", "json", "--output", str(tmp_path / "r3.json")]) == 1
    assert "no release sign-off for HEAD" in (tmp_path / "r3.json").read_text()


def test_gate_writes_waived_results_as_suppressed_sarif(project, capsys, tmp_path, monkeypatch):
    import json

    repo, _, sarif = _gated_world(project, capsys, tmp_path, monkeypatch)
    out_sarif = tmp_path / "gated.sarif"
    assert main(["gate", "--root", str(repo), "--sarif", str(sarif),
                 "--output-sarif", str(out_sarif), "--output", str(tmp_path / "r.txt")]) == 0
    res = json.loads(out_sarif.read_text())["runs"][0]["results"][0]
    s = res["suppressions"][0]
    assert (s["kind"], s["status"], s["justification"]) == ("external", "accepted",
                                                              "constant input")
    assert s["properties"]["approver"] == "sec@example.com"


def test_request_looks_findings_up_in_sarif(project, capsys, tmp_path):
    import json

    from .world import finding, scanned

    repo, *_ = project
    sarif = tmp_path / "scan.sarif"
    f1, f2, f3 = scanned(sarif, finding("", line=3, snippet=CODE),
                         finding("", line=9, snippet="os.system(cmd)"),
                         finding("", path="other.py", snippet=CODE))
    base = ["waiver", "--root", str(repo), "request", "--sarif", str(sarif), "--reason", "r",
            "--expires", _expires(10)]
    capsys.readouterr()
    assert main([*base, "--fingerprint", f1, "--fingerprint", f2]) == 0
    wid = capsys.readouterr().out.split(":")[0]
    data = json.loads((repo / ".secsdlc/waivers" / f"{wid}.json").read_text())
    assert (data["fingerprints"], data["rule"], data["path"], data["severity"],
            data["requester"]) == (sorted([f1, f2]), "B602", "app/x.py", "high",
                                   "dev@example.com")
    assert [(c["start_line"], c["snippet"]) for c in
            sorted(data["findings"], key=lambda c: c["start_line"])] == [(3, CODE),
                                                                        (9, "os.system(cmd)")]
    assert main([*base, "--fingerprint", f1, "--fingerprint", f3]) == 2
    assert "one rule in one file" in capsys.readouterr().err
    assert main([*base, "--fingerprint", "nope"]) == 2
    assert "no finding with fingerprint nope" in capsys.readouterr().err


def test_remove_and_sign_override(project, capsys, monkeypatch):
    repo, admin, sec = project
    monkeypatch.setenv("SECSDLC_TRUST_ROOT", admin.fingerprint)
    (repo / ".secsdlc.toml").write_text(
        '[policy]\nproject = "shop"\nfail-on = "high"\n'
        '[policy.overrides."legacy"]\nfail-on = "critical"\n')
    # an unsigned relaxation does not load
    assert main(["waiver", "--root", str(repo), "list"]) == 2
    assert "may only tighten unless a correspondent signs" in capsys.readouterr().err
    assert main(["correspondent", "--root", str(repo), "sign-override", "legacy",
                 "--key", str(sec.private)]) == 0
    out = capsys.readouterr().out
    assert out.startswith('# add to [policy.overrides."legacy"]')
    signature_line = out.split("\n", 1)[1]
    [logged] = [e for e in audit.load(repo).values() if e.action == "override-sign"]
    assert logged.body["data"]["override"] == "legacy" and logged.body["actor"] == sec.principal
    assert logged.signer is not None
    (repo / ".secsdlc.toml").write_text((repo / ".secsdlc.toml").read_text() + signature_line)
    from secsdlc import config as config_mod
    from secsdlc.gate.pipeline import GateOptions, decide
    from secsdlc.model import Severity

    from .world import finding, result

    cfg = config_mod.load(repo / ".secsdlc.toml", known_scanner_options={})
    _, verdict = decide(result(finding("f1", path="legacy/a.py")), cfg, repo,
                        GateOptions(fail_on=Severity.HIGH))
    assert verdict.passed, verdict.reasons
    # once sec is removed from the registry, the relaxation no longer counts
    assert main(["correspondent", "--root", str(repo), "remove", "sec@example.com",
                 "--key", str(admin.private)]) == 0
    commit_all(repo, "remove sec")
    _, verdict = decide(result(finding("f1", path="legacy/a.py")), cfg, repo,
                        GateOptions(fail_on=Severity.HIGH))
    assert not verdict.passed
    assert main(["audit", "--root", str(repo), "show"]) == 0
    shown = capsys.readouterr().out
    assert "correspondent-remove" in shown and "[signed SHA256:" in shown


def test_audit_entry_signed_by_a_non_correspondent(project, capsys, make_key):
    repo, admin, _ = project
    audit.append(repo, action="waiver-approve", actor="sec@example.com", data={"waiver": "w-1"},
                 key=make_key("dev@example.com").loaded)
    capsys.readouterr()
    assert main(["audit", "--root", str(repo), "verify"]) == 0
    assert "signers not checked" in capsys.readouterr().out
    assert main(["audit", "--root", str(repo), "verify", "--trust-root", admin.fingerprint]) == 1
    assert ".json: signed by SHA256:" in capsys.readouterr().out


def test_policy_signing_is_a_signed_audit_entry(project, capsys):
    repo, _admin, sec = project
    (repo / ".secsdlc.toml").write_text('[policy]\nfail-on = "high"\n')
    assert main(["policy", "sign", "--key", str(sec.private), "--root", str(repo)]) == 0
    assert "signed as version 1 by sec@example.com" in capsys.readouterr().out
    [logged] = [e for e in audit.load(repo).values() if e.action == "policy-sign"]
    assert (logged.body["actor"], logged.body["data"]["file"],
            logged.body["data"]["version"]) == ("sec@example.com", ".secsdlc.toml", 1)
    assert logged.signer is not None
    assert main(["audit", "--root", str(repo), "verify", "--no-git"]) == 0
