"""The correspondent registry and its chain of versions through git history.

`.secsdlc/correspondents` is an OpenSSH allowed_signers file. `.secsdlc/correspondents.sig` says
which version of the registry that is: its version number, the repository it belongs to (the
repository's first commit), the project it binds waivers, sign-offs and relaxations to, the hash of
the version it replaces, and an SSHSIG (namespace `secsdlc-registry`) over all of that and the
file's hash. Version 1 must be signed by a key of the trust root, which comes from outside the
repository (CI); every later version by a correspondent of the version it replaces, and its number
is exactly one more.

Verification walks every commit that matters to the registry, merges included, oldest first, and
keeps for each the chain of versions that led to it. A commit that changes the registry must add
one signed successor to the newest chain among its parents; at a merge, every parent's chain must
be a prefix of the result's. So an older signed version put back (a revert, a restored file, a
branch forked before a removal merged back) names a predecessor that is not the newest and is
refused; a deleted registry keeps its chain, so its first version cannot be restored either; and a
version signed for another repository names another first commit.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from secsdlc.errors import SecsdlcError
from secsdlc.signoff import allowed_signers, sshsig
from secsdlc.signoff.allowed_signers import AllowedSigners, AllowedSignersError
from secsdlc.signoff.canonical import canonical
from secsdlc.signoff.files import SECSDLC_DIR, atomic_write
from secsdlc.signoff.sshsig import KeyFingerprint, PrivateKey, SignatureError

if TYPE_CHECKING:
    from secsdlc.vcs import Repo

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REGISTRY_FILE = f"{SECSDLC_DIR}/correspondents"
SIGNATURE_FILE = f"{SECSDLC_DIR}/correspondents.sig"
NAMESPACE = "secsdlc-registry"
# CI may pin the repository's identity (its first commit); otherwise it is read from git.
REPOSITORY_ENV = "SECSDLC_REPOSITORY_ID"
FORMAT = 2


class RegistryError(SecsdlcError):
    """The registry cannot be trusted; the message says which version and why."""


@dataclass(frozen=True, kw_only=True)
class Version:
    """What a registry signature file says, before its signature is checked."""

    number: int
    repository: str
    project: str
    previous: str | None  # SHA-256 of the replaced version's registry file; None for version 1
    signature: str

    def signed_bytes(self, content: bytes) -> bytes:
        return signed_bytes(number=self.number, repository=self.repository,
                            project=self.project, previous=self.previous, content=content)


@dataclass(frozen=True)
class _Link:
    number: int
    digest: str  # SHA-256 of the registry file


@dataclass(frozen=True, kw_only=True)
class _State:
    """The registry at one commit: the chain of versions that led to it, and whether it is there."""

    chain: tuple[_Link, ...]
    present: bool
    signers: AllowedSigners | None  # the last version's, also once deleted
    project: str
    blobs: tuple[str | None, str | None]  # blob ids of the file and its signature
    last_blobs: tuple[str | None, str | None]  # those of the last version, also once deleted


_EMPTY = _State(chain=(), present=False, signers=None, project="", blobs=(None, None),
                last_blobs=(None, None))


@dataclass(frozen=True, kw_only=True)
class VerifiedRegistry:
    signers: AllowedSigners
    head: str  # commit the history walk ended at
    versions_checked: int
    version: int = 0
    project: str = ""  # signed: what waivers, sign-offs and relaxations are bound to
    repository: str = ""
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


def signed_bytes(*, number: int, repository: str, project: str, previous: str | None,
                 content: bytes) -> bytes:
    """What a registry signature covers."""
    return canonical({"secsdlc-registry": FORMAT, "version": number, "repository": repository,
                      "project": project, "previous": previous,
                      "sha256": hashlib.sha256(content).hexdigest()})


def format_signature_file(version: Version) -> str:
    lines = ["# secsdlc correspondent registry signature: written by `secsdlc correspondent`",
             f"version = {version.number}",
             f"repository = {_toml_string(version.repository)}",
             f"project = {_toml_string(version.project)}"]
    if version.previous is not None:
        lines.append(f"previous = {_toml_string(version.previous)}")
    lines.append(f'signature = """\n{version.signature.strip()}\n"""')
    return "\n".join(lines) + "\n"


def parse_signature_file(data: bytes, where: str) -> Version:
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise RegistryError(f"{where}: not a registry signature file ({e}); sign the registry "
                            "again with `secsdlc correspondent`") from None
    number, repository = doc.get("version"), doc.get("repository")
    project, previous, signature = doc.get("project", ""), doc.get("previous"), doc.get("signature")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise RegistryError(f"{where}: 'version' must be a whole number from 1")
    if not isinstance(repository, str) or not repository:
        raise RegistryError(f"{where}: 'repository' must name the repository's first commit")
    if not isinstance(project, str):
        raise RegistryError(f"{where}: 'project' must be a string")
    if (number == 1) != (previous is None) or not (previous is None or isinstance(previous, str)):
        raise RegistryError(f"{where}: 'previous' must be the SHA-256 of the version replaced "
                            "(and absent from version 1 only)")
    if not isinstance(signature, str):
        raise RegistryError(f"{where}: 'signature' must be an SSH signature")
    unknown = sorted(set(doc) - {"version", "repository", "project", "previous", "signature"})
    if unknown:
        raise RegistryError(f"{where}: unknown key(s) {', '.join(unknown)}")
    return Version(number=number, repository=repository, project=project, previous=previous,
                   signature=signature)


def repository_identity(root: Path) -> str:
    """The repository's first commit (or what CI pins in SECSDLC_REPOSITORY_ID)."""
    pinned = os.environ.get(REPOSITORY_ENV, "").strip()
    if pinned:
        return pinned
    from secsdlc import vcs

    try:
        repo = vcs.open_repo(root)
        head = vcs.head_commit(repo)
        if head is None:
            raise RegistryError(f"{root}: the git repository has no commit yet: the registry is "
                                "bound to the repository's first commit; commit something first")
        return vcs.first_parent_root(repo, head)
    except vcs.VcsError as e:
        raise RegistryError(f"{root} is not in a git repository: the registry is bound to the "
                            f"repository's first commit ({e})") from e


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


def read_working_version(root: Path) -> Version | None:
    """The version the registry on disk claims to be, unverified."""
    data = _read_optional(root / SIGNATURE_FILE)
    return None if data is None else parse_signature_file(data, str(root / SIGNATURE_FILE))


def write_signed(root: Path, text: str, key: PrivateKey, *,
                 project: str | None = None) -> sshsig.SshPublicKey:
    """Write the next registry version, signed by `key`; check that the change will verify.

    A version is what a commit records: changes not committed yet are one version together, the
    successor of HEAD's, so its signer must be a correspondent of HEAD's version (or, for the
    first version, should be the trust-root key): refusing here saves a commit that the gate
    would reject anyway. `project` None keeps the current version's project.
    """
    committed, _ = _committed(root)
    current = (_parse(committed, f"{REGISTRY_FILE} at HEAD") if committed is not None
               else read_working(root))
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
    signature_file = signature_file_for(root, data, key, project=project)
    atomic_write(root / REGISTRY_FILE, data)
    atomic_write(root / SIGNATURE_FILE, signature_file.encode())
    return signer


def signature_file_for(root: Path, data: bytes, key: PrivateKey, *,
                       project: str | None = None) -> str:
    """The signature file that makes `data` the successor of HEAD's registry version."""
    repository = repository_identity(root)
    previous_bytes, previous_sig = _committed(root)
    before = (parse_signature_file(previous_sig, f"{SIGNATURE_FILE} at HEAD")
              if previous_sig is not None else None)
    if previous_bytes is not None and before is None:
        raise RegistryError(f"{REGISTRY_FILE} at HEAD has no signature file ({SIGNATURE_FILE})")
    if before is not None and before.repository != repository:
        raise RegistryError(f"{SIGNATURE_FILE} at HEAD was signed for repository "
                            f"{before.repository[:12]}, this is {repository[:12]}")
    if project is None:
        working = read_working_version(root) if _read_optional(root / REGISTRY_FILE) else None
        known = working or before
        project = known.project if known is not None else ""
    draft = Version(
        number=before.number + 1 if before else 1, repository=repository, project=project,
        previous=hashlib.sha256(previous_bytes).hexdigest() if previous_bytes is not None
        else None,
        signature="",
    )
    signature = sshsig.sign(key, draft.signed_bytes(data), NAMESPACE)
    return format_signature_file(replace(draft, signature=signature))


def _committed(root: Path) -> tuple[bytes | None, bytes | None]:
    """The registry and its signature file as HEAD has them."""
    from secsdlc import vcs

    try:
        repo = vcs.open_repo(root)
        head = vcs.head_commit(repo)
        if head is None:
            return None, None
        rel = (root.resolve() / REGISTRY_FILE).relative_to(repo.top).as_posix()
        return vcs.blob(repo, head, rel), vcs.blob(repo, head, rel + ".sig")
    except (vcs.VcsError, ValueError) as e:
        raise RegistryError(f"{root} is not in a git repository: the registry is bound to the "
                            f"repository's first commit ({e})") from e


def verify(root: Path, trust_root: tuple[KeyFingerprint, ...]) -> VerifiedRegistry:
    """Walk the registry's history, merges included, from its first version to the working tree.

    Raises RegistryError naming the first commit whose registry is not a signed successor.
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
    walk = _Walk(trust_root, repository_identity(root))
    try:
        if vcs.is_shallow(repo):
            raise RegistryError(
                "shallow git clone: the registry's history is incomplete; fetch full history "
                "(e.g. actions/checkout fetch-depth: 0)"
            )
        try:
            rel = (root.resolve() / REGISTRY_FILE).relative_to(repo.top).as_posix()
            rel_sig = (root.resolve() / SIGNATURE_FILE).relative_to(repo.top).as_posix()
        except ValueError as e:
            raise RegistryError(f"{root} is outside the repository at {repo.top}") from e
        head = vcs.head_commit(repo)  # None: no commit yet
        state = _EMPTY
        if head is not None:
            commits = vcs.path_history(repo, head, [rel, rel_sig])
            ids = vcs.blob_ids(repo, [f"{c.sha}:{p}" for c in commits for p in (rel, rel_sig)])
            states: dict[str, _State] = {}
            for commit in commits:
                parents = [states[p] for p in commit.parents if p in states]
                if len(parents) != len(commit.parents):
                    raise RegistryError(f"commit {commit.sha[:12]}: a parent is missing from "
                                        "the registry's history")
                blobs = (ids[f"{commit.sha}:{rel}"], ids[f"{commit.sha}:{rel_sig}"])
                states[commit.sha] = walk.step(
                    f"commit {commit.sha[:12]}", parents, blobs,
                    lambda oid: vcs.object_bytes(repo, oid), rel)
            state = _state_at_head(repo, head, states)
    except vcs.VcsError as e:
        raise RegistryError(f"cannot read the registry's history: {e}") from e
    disk = (_read_optional(root / REGISTRY_FILE), _read_optional(root / SIGNATURE_FILE))
    committed = (walk.content.get(state.blobs[0]) if state.blobs[0] else None,
                 walk.content.get(state.blobs[1]) if state.blobs[1] else None)
    if disk != committed:
        fake = ("working:file", "working:sig")
        walk.content.update({fake[0]: disk[0] or b"", fake[1]: disk[1] or b""})
        state = walk.step("the uncommitted working tree", [state],
                          (fake[0] if disk[0] is not None else None,
                           fake[1] if disk[1] is not None else None),
                          walk.content.__getitem__, rel)
    if not state.present or state.signers is None:
        if state.chain:
            raise RegistryError(f"{REGISTRY_FILE} was deleted (after version "
                                f"{state.chain[-1].number}): nothing that depends on it counts")
        raise RegistryError(f"no correspondent registry ({REGISTRY_FILE})")
    return VerifiedRegistry(
        signers=state.signers, head=head or "", versions_checked=walk.checked,
        version=state.chain[-1].number, project=state.project, repository=walk.repository,
        ever=frozenset(walk.ever | state.signers.keys()),
    )


def _state_at_head(repo: Repo, head: str, states: dict[str, _State]) -> _State:
    """HEAD's state: its own, or that of the commit it inherits the registry from. Only merges
    and commits that changed the registry are walked; the others have one parent and inherit."""
    from secsdlc import vcs

    if head in states:
        return states[head]
    for sha in vcs.git(repo.top, "rev-list", "--first-parent", head).split():
        if sha in states:
            return states[sha]
    return _EMPTY


class _Walk:
    def __init__(self, trust_root: tuple[KeyFingerprint, ...], repository: str) -> None:
        self.trust_root = trust_root
        self.repository = repository
        self.content: dict[str, bytes] = {}
        self.checked = 0
        self.ever: set[bytes] = set()

    def step(self, where: str, parents: list[_State], blobs: tuple[str | None, str | None],
             read: Callable[[str], bytes], rel: str) -> _State:
        """The state after a commit with these parents and these blobs, or RegistryError."""
        for oid in blobs:
            if oid is not None and oid not in self.content:
                self.content[oid] = read(oid)
        newest = max(parents, key=lambda s: len(s.chain), default=_EMPTY)
        kept = next((p for p in parents if p.blobs == blobs and p.present), None)
        if kept is not None:
            result = kept
        elif blobs[0] is None:
            # Deleted: the chain is kept, so a version put back later must still succeed it.
            result = replace(newest, present=False, blobs=blobs)
        elif not newest.present and newest.chain and blobs == newest.last_blobs:
            result = replace(newest, present=True, blobs=blobs)  # the deletion undone
        else:
            result = self._new_version(where, newest, blobs, rel)
        for parent in parents:
            if result.chain[:len(parent.chain)] != parent.chain:
                raise RegistryError(self._not_successor(where, result, parent, rel))
        return result

    def _new_version(self, where: str, base: _State, blobs: tuple[str | None, str | None],
                     rel: str) -> _State:
        content = self.content[blobs[0]] if blobs[0] else b""
        if blobs[1] is None:
            raise RegistryError(f"{rel} changed in {where} signed by nobody (no {rel}.sig)")
        version = parse_signature_file(self.content[blobs[1]], f"{rel}.sig in {where}")
        try:
            sig = sshsig.verify(version.signature, version.signed_bytes(content), NAMESPACE)
        except SignatureError as e:
            raise RegistryError(f"{rel} in {where}: {e} (the signature was made for another "
                                "version of the registry and cannot be reused)") from e
        if version.repository != self.repository:
            raise RegistryError(f"{rel} in {where} was signed for repository "
                                f"{version.repository[:12]}, not this one "
                                f"({self.repository[:12]}): another repository's registry "
                                "does not count here")
        last = base.chain[-1] if base.chain else None
        expected = (last.number + 1, last.digest) if last else (1, None)
        if (version.number, version.previous) != expected:
            if last is None:
                raise RegistryError(f"{rel} in {where} is version {version.number}, but no "
                                    "version precedes it here")
            raise RegistryError(
                f"{rel} in {where} is version {version.number} following "
                f"{_describe_previous(version)}, but the newest version before it is "
                f"{last.number}: an older or divergent signed version cannot replace a newer one "
                "(revert, restored file, or a branch forked before a change)"
            )
        signers = _parse(content, f"{rel} in {where}")
        if base.signers is None:
            if sig.public_key.fingerprint not in self.trust_root:
                raise RegistryError(
                    f"{rel} first version in {where} is signed by {sig.public_key.fingerprint}, "
                    "which is not in the trust root"
                )
        elif not base.signers.principals_for(sig.public_key, NAMESPACE):
            raise RegistryError(
                f"{rel} changed in {where} is signed by {sig.public_key.fingerprint}, which is "
                "not a correspondent of the previous version (a newcomer cannot sign their own "
                "admission)"
            )
        self.checked += 1
        self.ever |= signers.keys()
        link = _Link(version.number, hashlib.sha256(content).hexdigest())
        return _State(chain=(*base.chain, link), present=True, signers=signers,
                      project=version.project, blobs=blobs, last_blobs=blobs)

    @staticmethod
    def _not_successor(where: str, result: _State, parent: _State, rel: str) -> str:
        mine = result.chain[-1].number if result.chain else 0
        theirs = parent.chain[-1].number if parent.chain else 0
        if not result.present:
            return (f"{rel} in {where}: a merge deletes the registry while a parent holds "
                    f"version {theirs}")
        return (f"{rel} in {where}: the result (version {mine}) does not contain version "
                f"{theirs} of a merged parent: each parent's chain of versions must be a prefix "
                "of the merged one (a branch forked before a registry change keeps an older or "
                "divergent version)")


def _describe_previous(version: Version) -> str:
    return f"{version.previous[:12]}" if version.previous else "nothing"


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


def _toml_string(value: str) -> str:
    import json

    return json.dumps(value)
