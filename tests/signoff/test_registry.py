"""Correspondent registry: chain of custody through real git history, real ssh-keygen keys."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from secsdlc.signoff import allowed_signers, registry, sshsig
from secsdlc.signoff.registry import RegistryError

from .conftest import Key, commit_all, git


def _line(key: Key) -> str:
    return allowed_signers.format_line(key.principal, sshsig.public_key_of(key.loaded))


def _bootstrap(root: Path, admin: Key) -> None:
    registry.write_signed(root, _line(admin), admin.loaded)
    commit_all(root, "registry: first correspondent")


@pytest.fixture
def admin(make_key):
    return make_key("admin@example.com")


def test_first_version_must_match_trust_root(repo, admin, make_key):
    _bootstrap(repo, admin)
    verified = registry.verify(repo, (admin.fingerprint,))
    assert verified.signers.principals_for(sshsig.public_key_of(admin.loaded), "secsdlc-waiver")
    other = make_key("other@example.com")
    with pytest.raises(RegistryError, match=r"first version .* not in the trust root"):
        registry.verify(repo, (other.fingerprint,))


def test_no_trust_root_fails_closed(repo, admin):
    _bootstrap(repo, admin)
    with pytest.raises(RegistryError, match="no trust root"):
        registry.verify(repo, ())


def test_change_signed_by_existing_correspondent_is_accepted(repo, admin, make_key):
    _bootstrap(repo, admin)
    bob = make_key("bob@example.com")
    registry.write_signed(repo, _line(admin) + _line(bob), admin.loaded)
    commit_all(repo, "add bob")
    carol = make_key("carol@example.com")
    # bob, now a correspondent, may admit carol
    registry.write_signed(repo, _line(admin) + _line(bob) + _line(carol), bob.loaded)
    commit_all(repo, "add carol")
    verified = registry.verify(repo, (admin.fingerprint,))
    assert verified.versions_checked == 3
    assert verified.signers.is_allowed("carol@example.com",
                                       sshsig.public_key_of(carol.loaded), "secsdlc-waiver")


def test_registry_change_signed_by_nobody_is_rejected(repo, admin, make_key):
    _bootstrap(repo, admin)
    dev = make_key("dev@example.com")
    (repo / registry.REGISTRY_FILE).write_text(_line(admin) + _line(dev))
    (repo / registry.SIGNATURE_FILE).unlink()
    bad = commit_all(repo, "add myself")
    with pytest.raises(RegistryError, match=f"changed in commit {bad[:12]} signed by nobody"):
        registry.verify(repo, (admin.fingerprint,))


def test_registry_change_keeping_old_signature_is_rejected(repo, admin, make_key):
    _bootstrap(repo, admin)
    dev = make_key("dev@example.com")
    (repo / registry.REGISTRY_FILE).write_text(_line(admin) + _line(dev))
    commit_all(repo, "add myself")
    with pytest.raises(RegistryError, match="does not verify"):
        registry.verify(repo, (admin.fingerprint,))


def test_newcomer_signing_own_admission_is_rejected(repo, admin, make_key):
    _bootstrap(repo, admin)
    dev = make_key("dev@example.com")
    text = _line(admin) + _line(dev)
    sig = registry.signature_file_for(repo, text.encode(), dev.loaded)
    (repo / registry.REGISTRY_FILE).write_text(text)
    (repo / registry.SIGNATURE_FILE).write_text(sig)
    # even uncommitted, the working tree is checked against HEAD
    with pytest.raises(RegistryError, match=r"uncommitted working tree is signed by SHA256:.*"
                       "not a correspondent of the previous version"):
        registry.verify(repo, (admin.fingerprint,))
    commit_all(repo, "add myself, signed by me")
    with pytest.raises(RegistryError, match="not a correspondent of the previous version"):
        registry.verify(repo, (admin.fingerprint,))
    # and write_signed refuses to prepare such a change in the first place
    with pytest.raises(RegistryError, match="not a correspondent of the current registry"):
        registry.write_signed(repo, text + "", make_key("eve@example.com").loaded)


def test_old_signature_cannot_be_replayed_to_undo_a_removal(repo, admin, make_key):
    bob = make_key("bob@example.com")
    registry.write_signed(repo, _line(admin) + _line(bob), admin.loaded)
    commit_all(repo, "admin and bob")
    old_text = (repo / registry.REGISTRY_FILE).read_bytes()
    old_sig = (repo / registry.SIGNATURE_FILE).read_bytes()
    # Version 2: admin removes bob (bob's key was compromised).
    registry.write_signed(repo, _line(admin), admin.loaded)
    commit_all(repo, "remove bob")
    registry.verify(repo, (admin.fingerprint,))
    (repo / registry.REGISTRY_FILE).write_bytes(old_text)
    (repo / registry.SIGNATURE_FILE).write_bytes(old_sig)
    revert = commit_all(repo, "revert")
    with pytest.raises(RegistryError, match=f"in commit {revert[:12]} is version 1 .* cannot "
                       "replace a newer one"):
        registry.verify(repo, (admin.fingerprint,))


def test_rogue_branch_merged_is_rejected(repo, admin, make_key):
    _bootstrap(repo, admin)
    git(repo, "checkout", "-q", "-b", "rogue")
    dev = make_key("dev@example.com")
    (repo / registry.REGISTRY_FILE).write_text(_line(admin) + _line(dev))
    (repo / registry.SIGNATURE_FILE).unlink()
    commit_all(repo, "rogue")
    git(repo, "checkout", "-q", "main")
    (repo / "other").write_text("y")
    commit_all(repo, "unrelated")
    git(repo, "merge", "-q", "--no-edit", "rogue")
    with pytest.raises(RegistryError, match="signed by nobody"):
        registry.verify(repo, (admin.fingerprint,))


def test_outside_git_fails_closed(tmp_path, admin):
    # a registry is bound to its repository's first commit: none can be made outside one...
    with pytest.raises(RegistryError, match="not in a git repository"):
        registry.write_signed(tmp_path, _line(admin), admin.loaded)
    # ...and one copied there is not trusted
    (tmp_path / registry.REGISTRY_FILE).parent.mkdir()
    (tmp_path / registry.REGISTRY_FILE).write_text(_line(admin))
    with pytest.raises(RegistryError, match="not in a git repository"):
        registry.verify(tmp_path, (admin.fingerprint,))


def test_shallow_clone_fails_closed(repo, admin, tmp_path):
    _bootstrap(repo, admin)
    (repo / "f").write_text("1")
    commit_all(repo)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    with pytest.raises(RegistryError, match="shallow git clone"):
        registry.verify(clone, (admin.fingerprint,))


def test_registry_file_works_with_ssh_keygen_find_principals(repo, admin, make_key, tmp_path):
    bob = make_key("bob@example.com", "ecdsa")
    text = _line(admin) + allowed_signers.format_line(
        bob.principal, sshsig.public_key_of(bob.loaded), namespaces=("secsdlc-waiver",))
    registry.write_signed(repo, text, admin.loaded)
    msg = tmp_path / "m"
    msg.write_bytes(b"x")
    subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-f", str(bob.private), "-n",
                    "secsdlc-waiver", str(msg)], check=True, capture_output=True)
    out = subprocess.run(["ssh-keygen", "-Y", "find-principals", "-f",
                          str(repo / registry.REGISTRY_FILE), "-s", str(msg) + ".sig"],
                         check=True, capture_output=True, text=True).stdout
    assert out.strip() == "bob@example.com"
    parsed = registry.read_working(repo)
    assert parsed is not None
    bob_key = sshsig.public_key_of(bob.loaded)
    assert parsed.principals_for(bob_key, "secsdlc-waiver") == ("bob@example.com",)
    assert parsed.principals_for(bob_key, "secsdlc-registry") == ()


@pytest.mark.parametrize("line,problem", [
    ("alice@example.com", "expected: principals"),
    ('alice@example.com cert-authority ssh-ed25519 AAAA', "unsupported option 'cert-authority'"),
    ("alice@example.com ssh-ed25519 not-base64!", "not valid base64"),
    ('"alice@example.com ssh-ed25519 AAAA', "unterminated quote"),
])
def test_bad_registry_lines_name_file_and_line(line, problem):
    with pytest.raises(allowed_signers.AllowedSignersError, match=f"reg:2: .*{problem}"):
        allowed_signers.parse("# comment\n" + line + "\n", "reg")


def test_principal_patterns_follow_openssh():
    signer = allowed_signers.Signer(principals=("*@example.com", "!eve@example.com"),
                                    key=sshsig.SshPublicKey("x", b""))
    assert signer.matches_principal("alice@example.com")
    assert not signer.matches_principal("eve@example.com")
    assert not signer.matches_principal("alice@evil.com")


def test_trust_root_parsing():
    fp = "SHA256:" + "A" * 43
    assert registry.parse_trust_root([f"{fp}, {fp}"]) == (fp,)
    with pytest.raises(RegistryError, match="not a key fingerprint"):
        registry.parse_trust_root(["MD5:aa:bb"])


def test_trust_root_is_the_flag_else_the_environment(monkeypatch):
    from secsdlc.mode import Mode, detect
    from secsdlc.signoff import facade

    flag, env = "SHA256:" + "A" * 43, "SHA256:" + "B" * 43
    monkeypatch.setenv("SECSDLC_TRUST_ROOT", f" {env},{env} ")
    assert facade.trust_root(()) == (env,)
    assert facade.trust_root((flag,)) == (flag,)
    assert detect(env={"SECSDLC_TRUST_ROOT": env}) is Mode.ENFORCE
    assert detect(env={"SECSDLC_TRUST_ROOT": " "}) is Mode.ADVISORY
    monkeypatch.setenv("SECSDLC_TRUST_ROOT", "MD5:aa")
    with pytest.raises(RegistryError, match="not a key fingerprint"):
        facade.trust_root(())
