"""The correspondent registry and its chain of custody through git history.

`.secsdlc/correspondents` is an OpenSSH allowed_signers file; `.secsdlc/correspondents.sig` is an
SSHSIG (namespace `secsdlc-registry`) of those bytes bound to the SHA-256 of the version they
replace (see `signed_message`), so an old signature cannot be replayed to undo a removal. A
version of the registry is trusted only if it is signed by a correspondent of the version it
replaces; a version that replaces nothing must be signed by a key of the trust root, which comes
from outside the repository (CI). So a developer who commits their own key, or re-signs the file
with it, gains nothing: the commit that introduced that content is in history, and its signer was
not a correspondent before.

Every commit where the registry differs from *all* of its parents is checked against each parent's
registry (a merge that keeps one side's registry inherits that side's trust). Uncommitted changes in
the working tree are checked the same way against HEAD.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from secsdlc.errors import SecsdlcError
from secsdlc.signoff import allowed_signers, sshsig
from secsdlc.signoff.allowed_signers import AllowedSigners, AllowedSignersError
from secsdlc.signoff.files import SECSDLC_DIR, atomic_write
from secsdlc.signoff.sshsig import KeyFingerprint, PrivateKey, SignatureError

REGISTRY_FILE = f"{SECSDLC_DIR}/correspondents"
SIGNATURE_FILE = f"{SECSDLC_DIR}/correspondents.sig"
NAMESPACE = "secsdlc-registry"
TRUST_ROOT_ENV = "SECSDLC_TRUST_ROOT"


class RegistryError(SecsdlcError):
    """The registry cannot be trusted; the message says which version and why."""


@dataclass(frozen=True, kw_only=True)
class VerifiedRegistry:
    signers: AllowedSigners
    head: str  # commit the history walk ended at
    versions_checked: int
    # Key blobs of every verified version: who was a correspondent at some point (audit log).
    ever: frozenset[bytes] = frozenset()


def parse_trust_root(values: Iterable[str]) -> tuple[KeyFingerprint, ...]:
    """Fingerprints from --trust-root values or the env var (comma/space separated)."""
    out: list[KeyFingerprint] = []
    for value in values:
        for item in value.replace(",", " ").split():
            if not item.startswith("SHA256:") or len(item) != 50:
                raise RegistryError(
                    f"trust root {item!r} is not a key fingerprint of the form SHA256:... "
                    "(43 base64 characters, as `ssh-keygen -lf KEY.pub` prints)"
                )
            out.append(KeyFingerprint(item))
    return tuple(dict.fromkeys(out))


def read_working(root: Path) -> AllowedSigners | None:
    """The registry as it is on disk, unverified (for commands that prepare a change)."""
    path = root / REGISTRY_FILE
    if not path.exists():
        return None
    try:
        return allowed_signers.parse(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError) as e:
        raise RegistryError(f"{path}: cannot read: {e}") from e
    except AllowedSignersError as e:
        raise RegistryError(str(e)) from e


def write_signed(root: Path, text: str, key: PrivateKey) -> sshsig.SshPublicKey:
    """Write a new registry version signed by `key`; check that the change will verify.

    The signer must be a correspondent of the current version (or, for the first version, should
    be the trust-root key): refusing here saves a commit that the gate would reject anyway.
    """
    current = read_working(root)
    signer = sshsig.public_key_of(key)
    if current is not None and not current.principals_for(signer, NAMESPACE):
        raise RegistryError(
            f"key {signer.fingerprint} is not a correspondent of the current registry "
            f"({root / REGISTRY_FILE}): only an existing correspondent may change it"
        )
    data = text.encode("utf-8")
    try:
        allowed_signers.parse(text, str(root / REGISTRY_FILE))
    except AllowedSignersError as e:
        raise RegistryError(str(e)) from e
    previous = _read_optional(root / REGISTRY_FILE)
    signature = sshsig.sign(key, signed_message(previous, data), NAMESPACE)
    atomic_write(root / REGISTRY_FILE, data)
    atomic_write(root / SIGNATURE_FILE, signature.encode())
    return signer


def signed_message(previous: bytes | None, content: bytes) -> bytes:
    """What a registry signature covers: the new content and the identity of the one it replaces."""
    prev = hashlib.sha256(previous).hexdigest() if previous is not None else "none"
    return f"secsdlc-registry v1\nprevious {prev}\n".encode() + content


def verify(root: Path, trust_root: tuple[KeyFingerprint, ...]) -> VerifiedRegistry:
    """Walk the registry's history from its first version to the working tree.

    Raises RegistryError naming the first version that is not properly signed.
    """
    from secsdlc import vcs

    if not trust_root:
        raise RegistryError(
            "no trust root: pass --trust-root SHA256:... or set SECSDLC_TRUST_ROOT to the "
            "fingerprint(s) of the first correspondent key(s) (ssh-keygen -lf KEY.pub)"
        )
    try:
        repo = vcs.open_repo(root)
    except vcs.VcsError as e:
        raise RegistryError(
            f"{root} is not in a git repository: the registry's chain of custody cannot be checked"
        ) from e
    try:
        if vcs.is_shallow(repo):
            raise RegistryError(
                "shallow git clone: the registry's history is incomplete; fetch full history "
                "(e.g. actions/checkout fetch-depth: 0)"
            )
        top = repo.top
        try:
            rel = (root.resolve() / REGISTRY_FILE).relative_to(top).as_posix()
            rel_sig = (root.resolve() / SIGNATURE_FILE).relative_to(top).as_posix()
        except ValueError as e:
            raise RegistryError(f"{root} is outside the repository at {top}") from e
        head = vcs.head_commit(repo)  # None: no commit yet
        checked = 0
        ever: set[bytes] = set()
        if head is not None:
            for commit in vcs.commits_touching(repo, head, [rel, rel_sig]):
                content = vcs.blob(repo, commit.sha, rel)
                parents = [vcs.blob(repo, p, rel) for p in commit.parents]
                if any(content == p for p in parents):
                    continue  # inherited unchanged from a parent whose lineage is checked
                where = f"commit {commit.sha[:12]}"
                _check_version(where, content, vcs.blob(repo, commit.sha, rel_sig), parents,
                               trust_root, rel)
                if content is not None:
                    ever |= _parse(content, f"{rel} in {where}").keys()
                checked += 1
        head_content = vcs.blob(repo, head, rel) if head is not None else None
    except vcs.VcsError as e:
        raise RegistryError(f"cannot read the registry's history: {e}") from e
    disk = _read_optional(root / REGISTRY_FILE)
    if disk != head_content:
        _check_version(
            "uncommitted working tree", disk, _read_optional(root / SIGNATURE_FILE),
            [head_content] if head is not None else [], trust_root, rel,
        )
        checked += 1
    if disk is None:
        raise RegistryError(f"no correspondent registry ({REGISTRY_FILE})")
    signers = _parse(disk, f"{root / REGISTRY_FILE}")
    return VerifiedRegistry(
        signers=signers,
        head=head or "",
        versions_checked=checked,
        ever=frozenset(ever | signers.keys()),
    )


def _check_version(
    where: str,
    content: bytes | None,
    signature: bytes | None,
    parents: list[bytes | None],
    trust_root: tuple[KeyFingerprint, ...],
    rel: str,
) -> None:
    if content is None:
        return  # a deletion grants nothing; a later re-creation must chain to the trust root
    if signature is None:
        raise RegistryError(f"{rel} changed in {where} signed by nobody (no {rel}.sig)")
    armored = signature.decode("utf-8", "replace")
    error: SignatureError | None = None
    for candidate in dict.fromkeys(parents or [None]):
        try:
            sig = sshsig.verify(armored, signed_message(candidate, content), NAMESPACE)
            break
        except SignatureError as e:
            error = e
    else:
        raise RegistryError(
            f"{rel} in {where}: {error} (a signature made for another version of the registry "
            "cannot be reused)"
        )
    previous = [p for p in parents if p is not None]
    if not previous:
        if sig.public_key.fingerprint not in trust_root:
            raise RegistryError(
                f"{rel} first version in {where} is signed by {sig.public_key.fingerprint}, "
                "which is not in the trust root"
            )
        return
    for prev in previous:
        signers = _parse(prev, f"{rel} before {where}")
        if not signers.principals_for(sig.public_key, NAMESPACE):
            raise RegistryError(
                f"{rel} changed in {where} is signed by {sig.public_key.fingerprint}, which is "
                "not a correspondent of the previous version (a newcomer cannot sign their own "
                "admission)"
            )


def _parse(content: bytes, where: str) -> AllowedSigners:
    try:
        return allowed_signers.parse(content.decode("utf-8"), where)
    except UnicodeDecodeError as e:
        raise RegistryError(f"{where}: not UTF-8 text") from e
    except AllowedSignersError as e:
        raise RegistryError(str(e)) from e


def _read_optional(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise RegistryError(f"{path}: cannot read: {e}") from e
