"""SSHSIG signatures (`ssh-keygen -Y sign` / `-Y verify`), in process.

Verifying a thousand waivers through a thousand `ssh-keygen` processes would take seconds; the
format is small and fully specified (openssh PROTOCOL.sshsig), so it is implemented here on top of
`cryptography`, and the tests check both directions against the real ssh-keygen.

Supported keys: Ed25519, RSA (rsa-sha2-256/512; SHA-1 "ssh-rsa" signatures are refused, as
OpenSSH does) and ECDSA P-256/384/521. Security-key (sk-) and certificate keys are refused with a
clear message rather than half-supported.
"""

from __future__ import annotations

import base64
import binascii
import functools
import getpass
import hashlib
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NewType

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from secsdlc.errors import SecsdlcError

KeyFingerprint = NewType("KeyFingerprint", str)  # "SHA256:..." as `ssh-keygen -lf` prints it

MAGIC = b"SSHSIG"
VERSION = 1
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
_HASHES = {"sha512": hashlib.sha512, "sha256": hashlib.sha256}
_EC_CURVES: dict[str, tuple[type[ec.EllipticCurve], hashes.HashAlgorithm]] = {
    "nistp256": (ec.SECP256R1, hashes.SHA256()),
    "nistp384": (ec.SECP384R1, hashes.SHA384()),
    "nistp521": (ec.SECP521R1, hashes.SHA512()),
}
_EC_NAMES = {"secp256r1": "nistp256", "secp384r1": "nistp384", "secp521r1": "nistp521"}

PublicKey = ed25519.Ed25519PublicKey | rsa.RSAPublicKey | ec.EllipticCurvePublicKey
PrivateKey = ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class SignatureError(SecsdlcError):
    """A signature or key is malformed, of an unsupported kind, or does not verify."""


@dataclass(frozen=True)
class SshPublicKey:
    """An SSH public key: its wire blob is its identity (what fingerprints hash)."""

    key_type: str
    blob: bytes

    @property
    def fingerprint(self) -> KeyFingerprint:
        digest = base64.b64encode(hashlib.sha256(self.blob).digest()).decode().rstrip("=")
        return KeyFingerprint("SHA256:" + digest)

    def openssh(self) -> str:
        return f"{self.key_type} {base64.b64encode(self.blob).decode()}"

    @classmethod
    def parse(cls, key_type: str, b64: str) -> SshPublicKey:
        try:
            blob = base64.b64decode(b64, validate=True)
        except (binascii.Error, ValueError) as e:
            raise SignatureError(f"public key is not valid base64: {e}") from e
        key = cls.from_blob(blob)
        if key.key_type != key_type:
            raise SignatureError(f"key type {key_type!r} does not match the key ({key.key_type})")
        return key

    @classmethod
    def from_blob(cls, blob: bytes) -> SshPublicKey:
        reader = _Reader(blob, "public key")
        key_type = reader.string().decode("ascii", "replace")
        key = cls(key_type, blob)
        key.crypto()  # rejects unsupported or malformed keys now, not at first use
        return key

    def crypto(self) -> PublicKey:
        return _load_public(self.key_type, self.blob)


@functools.lru_cache(maxsize=256)
def _load_public(key_type: str, blob: bytes) -> PublicKey:
    # Parsing is a pure function of the bytes; caching it saves re-parsing the same few
    # correspondent keys for every waiver, and caches no verification result.
    if key_type.startswith("sk-") or "-cert-v01@openssh.com" in key_type:
        raise SignatureError(f"{key_type} keys are not supported (use Ed25519, RSA or ECDSA)")
    line = f"{key_type} {base64.b64encode(blob).decode()}"
    try:
        key = serialization.load_ssh_public_key(line.encode())
    except (ValueError, UnsupportedAlgorithm) as e:
        raise SignatureError(f"unsupported or malformed {key_type} public key: {e}") from e
    if not isinstance(key, (ed25519.Ed25519PublicKey, rsa.RSAPublicKey,
                            ec.EllipticCurvePublicKey)):
        raise SignatureError(f"{key_type} keys are not supported")
    return key


@dataclass(frozen=True)
class Signature:
    """A parsed SSHSIG: who signed (public key), for what purpose (namespace), and how."""

    public_key: SshPublicKey
    namespace: str
    hash_algorithm: str
    sig_algorithm: str
    raw_signature: bytes
    reserved: bytes = b""


def public_key_of(private: PrivateKey) -> SshPublicKey:
    line = private.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode()
    key_type, b64 = line.split()[:2]
    return SshPublicKey.parse(key_type, b64)


def load_private_key(
    path: Path, passphrase: Callable[[], str] | None = None
) -> PrivateKey:
    """Load an OpenSSH (or PEM) private key; ask `passphrase()` only if the key is encrypted."""
    from secsdlc.fileio import InputError, read_bytes

    try:
        data = read_bytes(path, "private key", limit=1024 * 1024)
    except InputError as e:
        raise SignatureError(str(e)) from None
    password: bytes | None = None
    for _attempt in range(2):
        try:
            key = _load_private(data, password)
        except TypeError as e:  # encrypted key and no password, or password on a plain key
            if password is None and passphrase is not None:
                password = passphrase().encode()
                continue
            raise SignatureError(f"{path}: private key is encrypted: {e}") from e
        except (ValueError, UnsupportedAlgorithm) as e:
            raise SignatureError(f"{path}: not a usable private key: {e}") from e
        if not isinstance(key, (ed25519.Ed25519PrivateKey, rsa.RSAPrivateKey,
                                ec.EllipticCurvePrivateKey)):
            raise SignatureError(f"{path}: unsupported private key type {type(key).__name__}")
        return key
    raise SignatureError(f"{path}: cannot decrypt private key")


def terminal_passphrase(path: Path) -> Callable[[], str]:
    return lambda: getpass.getpass(f"Enter passphrase for {path}: ")


def _load_private(data: bytes, password: bytes | None) -> object:
    if b"OPENSSH PRIVATE KEY" in data:
        return serialization.load_ssh_private_key(data, password)
    return serialization.load_pem_private_key(data, password)


def sign(private: PrivateKey, message: bytes, namespace: str, *, hash_algorithm: str = "sha512"
         ) -> str:
    """Sign `message` as `ssh-keygen -Y sign -n NAMESPACE` would; return the armored signature."""
    if not namespace:
        raise SignatureError("a signature namespace is required")
    public = public_key_of(private)
    to_sign = _signed_data(namespace, b"", hash_algorithm, message)
    if isinstance(private, ed25519.Ed25519PrivateKey):
        sig_alg, raw = "ssh-ed25519", private.sign(to_sign)
    elif isinstance(private, rsa.RSAPrivateKey):
        sig_alg = "rsa-sha2-512"  # what ssh-keygen uses for SSHSIG
        raw = private.sign(to_sign, padding.PKCS1v15(), hashes.SHA512())
    else:
        curve = _EC_NAMES.get(private.curve.name)
        if curve is None:
            raise SignatureError(f"unsupported ECDSA curve {private.curve.name}")
        sig_alg = f"ecdsa-sha2-{curve}"
        r, s = decode_dss_signature(private.sign(to_sign, ec.ECDSA(_EC_CURVES[curve][1])))
        raw = _mpint(r) + _mpint(s)
    blob = (
        MAGIC
        + struct.pack(">I", VERSION)
        + _string(public.blob)
        + _string(namespace.encode())
        + _string(b"")
        + _string(hash_algorithm.encode())
        + _string(_string(sig_alg.encode()) + _string(raw))
    )
    b64 = base64.b64encode(blob).decode()
    body = "\n".join(b64[i : i + 70] for i in range(0, len(b64), 70))
    return f"{BEGIN}\n{body}\n{END}\n"


def parse(armored: str) -> Signature:
    """Parse an armored SSHSIG; raise SignatureError saying what is wrong with it."""
    text = armored.strip()
    if not text.startswith(BEGIN) or not text.endswith(END):
        raise SignatureError("not an SSH signature (missing BEGIN/END SSH SIGNATURE lines)")
    body = "".join(text[len(BEGIN) : -len(END)].split())
    try:
        blob = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError) as e:
        raise SignatureError(f"signature is not valid base64: {e}") from e
    reader = _Reader(blob, "signature")
    if reader.take(6) != MAGIC:
        raise SignatureError("signature does not start with SSHSIG")
    version = reader.uint32()
    if version != VERSION:
        raise SignatureError(f"unsupported SSHSIG version {version}")
    public = SshPublicKey.from_blob(reader.string())
    namespace = reader.string().decode("utf-8", "replace")
    reserved = reader.string()
    hash_alg = reader.string().decode("ascii", "replace")
    sig_reader = _Reader(reader.string(), "signature blob")
    sig_alg = sig_reader.string().decode("ascii", "replace")
    raw = sig_reader.string()
    sig_reader.end()
    reader.end()
    if hash_alg not in _HASHES:
        raise SignatureError(f"unsupported signature hash algorithm {hash_alg!r}")
    return Signature(public, namespace, hash_alg, sig_alg, raw, reserved)


def verify(armored: str, message: bytes, namespace: str) -> Signature:
    """Check that `armored` is a valid signature of `message` in `namespace`; return it.

    This proves only that the holder of `signature.public_key` signed; whether that key is
    trusted is the caller's decision (see allowed_signers).
    """
    sig = parse(armored)
    if sig.namespace != namespace:
        raise SignatureError(
            f"signature is for namespace {sig.namespace!r}, expected {namespace!r}"
        )
    data = _signed_data(sig.namespace, sig.reserved, sig.hash_algorithm, message)
    key = sig.public_key.crypto()
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            _expect_alg(sig, ("ssh-ed25519",))
            key.verify(sig.raw_signature, data)
        elif isinstance(key, rsa.RSAPublicKey):
            _expect_alg(sig, ("rsa-sha2-512", "rsa-sha2-256"))
            digest = hashes.SHA512() if sig.sig_algorithm == "rsa-sha2-512" else hashes.SHA256()
            key.verify(sig.raw_signature, data, padding.PKCS1v15(), digest)
        else:
            curve = _EC_NAMES.get(key.curve.name, "")
            _expect_alg(sig, (f"ecdsa-sha2-{curve}",))
            point = _Reader(sig.raw_signature, "ECDSA signature")
            r, s = point.mpint(), point.mpint()
            point.end()
            key.verify(encode_dss_signature(r, s), data, ec.ECDSA(_EC_CURVES[curve][1]))
    except InvalidSignature:
        raise SignatureError(
            f"signature does not verify (forged, or the signed content was changed) "
            f"[key {sig.public_key.fingerprint}]"
        ) from None
    return sig


def _expect_alg(sig: Signature, allowed: tuple[str, ...]) -> None:
    if sig.sig_algorithm not in allowed:
        raise SignatureError(
            f"signature algorithm {sig.sig_algorithm!r} not allowed for a {sig.public_key.key_type}"
            " key"
        )


def _signed_data(namespace: str, reserved: bytes, hash_alg: str, message: bytes) -> bytes:
    try:
        digest = _HASHES[hash_alg](message).digest()
    except KeyError:
        raise SignatureError(f"unsupported signature hash algorithm {hash_alg!r}") from None
    return (
        MAGIC
        + _string(namespace.encode())
        + _string(reserved)
        + _string(hash_alg.encode())
        + _string(digest)
    )


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _mpint(value: int) -> bytes:
    data = value.to_bytes((value.bit_length() + 8) // 8, "big") if value else b""
    return _string(data)


class _Reader:
    def __init__(self, data: bytes, what: str) -> None:
        self._data = data
        self._pos = 0
        self._what = what

    def take(self, n: int) -> bytes:
        if self._pos + n > len(self._data):
            raise SignatureError(f"{self._what} is truncated")
        chunk = self._data[self._pos : self._pos + n]
        self._pos += n
        return chunk

    def uint32(self) -> int:
        value: int = struct.unpack(">I", self.take(4))[0]
        return value

    def string(self) -> bytes:
        return self.take(self.uint32())

    def mpint(self) -> int:
        return int.from_bytes(self.string(), "big", signed=True)

    def end(self) -> None:
        if self._pos != len(self._data):
            raise SignatureError(f"{self._what} has trailing data")
