"""SSHSIG interop with the real ssh-keygen, both directions, and rejection of bad signatures."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from secsdlc.signoff import sshsig
from secsdlc.signoff.sshsig import SignatureError

KEY_TYPES = ["ed25519", "rsa", "ecdsa"]


def _keygen_sign(key: Path, namespace: str, message: bytes, tmp: Path) -> str:
    data = tmp / "msg"
    data.write_bytes(message)
    subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-f", str(key), "-n", namespace, str(data)],
                   check=True, capture_output=True)
    return (tmp / "msg.sig").read_text()


def _keygen_verify(allowed: Path, principal: str, namespace: str, message: bytes, sig: str,
                   tmp: Path) -> subprocess.CompletedProcess[bytes]:
    sig_file = tmp / "ours.sig"
    sig_file.write_text(sig)
    return subprocess.run(
        ["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", principal, "-n", namespace,
         "-s", str(sig_file)],
        input=message, capture_output=True,
    )


@pytest.mark.parametrize("key_type", KEY_TYPES)
def test_our_signature_verifies_with_ssh_keygen(make_key, key_type, tmp_path):
    key = make_key("alice@example.com", key_type)
    allowed = tmp_path / "allowed"
    allowed.write_text(f"alice@example.com {key.pubkey_text()}\n")
    message = b"canonical waiver\x00bytes\n"
    sig = sshsig.sign(key.loaded, message, "secsdlc-waiver")
    ok = _keygen_verify(allowed, "alice@example.com", "secsdlc-waiver", message, sig, tmp_path)
    assert ok.returncode == 0, ok.stderr
    bad = _keygen_verify(allowed, "alice@example.com", "secsdlc-waiver", message + b"x", sig,
                         tmp_path)
    assert bad.returncode != 0


@pytest.mark.parametrize("key_type", KEY_TYPES)
def test_ssh_keygen_signature_verifies_here(make_key, key_type, tmp_path):
    key = make_key("alice@example.com", key_type)
    message = b"release 1.0\n"
    sig = _keygen_sign(key.private, "secsdlc-signoff", message, tmp_path)
    parsed = sshsig.verify(sig, message, "secsdlc-signoff")
    assert parsed.public_key.fingerprint == key.fingerprint
    with pytest.raises(SignatureError, match="does not verify"):
        sshsig.verify(sig, b"release 1.1\n", "secsdlc-signoff")


def test_namespace_is_enforced(make_key, tmp_path):
    key = make_key("alice@example.com")
    sig = _keygen_sign(key.private, "git", b"m", tmp_path)
    with pytest.raises(SignatureError, match="namespace 'git', expected 'secsdlc-waiver'"):
        sshsig.verify(sig, b"m", "secsdlc-waiver")


def test_forged_signature_is_rejected(make_key):
    alice = make_key("alice@example.com")
    mallory = make_key("mallory@example.com")
    genuine = sshsig.parse(sshsig.sign(alice.loaded, b"m", "ns"))
    # Mallory puts Alice's public key in her own signature.
    forged = sshsig.parse(sshsig.sign(mallory.loaded, b"m", "ns"))
    blob = (sshsig.MAGIC + (1).to_bytes(4, "big") + sshsig._string(genuine.public_key.blob)
            + sshsig._string(b"ns") + sshsig._string(b"") + sshsig._string(b"sha512")
            + sshsig._string(sshsig._string(b"ssh-ed25519") + sshsig._string(forged.raw_signature)))
    import base64

    armored = f"{sshsig.BEGIN}\n{base64.b64encode(blob).decode()}\n{sshsig.END}\n"
    with pytest.raises(SignatureError, match="does not verify"):
        sshsig.verify(armored, b"m", "ns")


@pytest.mark.parametrize("text,problem", [
    ("hello", "missing BEGIN/END"),
    (f"{sshsig.BEGIN}\n!!!!\n{sshsig.END}", "not valid base64"),
    (f"{sshsig.BEGIN}\nU1NIU0lH\n{sshsig.END}", "truncated"),
    (f"{sshsig.BEGIN}\nWFhYWFhY\n{sshsig.END}", "does not start with SSHSIG"),
])
def test_malformed_signatures_say_what_is_wrong(text, problem):
    with pytest.raises(SignatureError, match=problem):
        sshsig.parse(text)


def test_fingerprint_matches_ssh_keygen(make_key):
    for key_type in KEY_TYPES:
        key = make_key("bob@example.com", key_type)
        assert sshsig.public_key_of(key.loaded).fingerprint == key.fingerprint


def test_encrypted_key_asks_for_passphrase(tmp_path):
    path = tmp_path / "enc"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "s3cret", "-f", str(path)],
                   check=True, capture_output=True)
    with pytest.raises(SignatureError, match="encrypted"):
        sshsig.load_private_key(path)
    key = sshsig.load_private_key(path, lambda: "s3cret")
    sshsig.verify(sshsig.sign(key, b"m", "ns"), b"m", "ns")
