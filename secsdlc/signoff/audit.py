"""The audit log: `.secsdlc/audit/<id>.json`, one file per entry, linked by hashes and signed.

An entry's id is the SHA-256 of its canonical JSON, and each entry names in `prev` the entries that
were the newest when it was written (those no other entry named yet). So an edited entry no longer
matches its name, and a removed one is missing where a later entry names it. Entries made with a
key carry an SSHSIG (namespace `secsdlc-audit`) of the entry without its signature.

Two branches that each append entries add different files: git merges them without a conflict,
and the next entry names the newest entry of each side. The newest entries are named by nothing,
so `verify` also checks, through git, that no committed entry file was ever deleted or changed,
in any commit (merges against each of their parents) or in the working tree.

Appends take an exclusive lock on a side file and write each entry atomically, so concurrent
appends in one checkout name each other.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from secsdlc import fileio
from secsdlc.errors import SecsdlcError
from secsdlc.signoff import sshsig
from secsdlc.signoff.canonical import canonical, timestamp
from secsdlc.signoff.files import SECSDLC_DIR, atomic_write
from secsdlc.signoff.sshsig import PrivateKey, SignatureError

AUDIT_DIR = f"{SECSDLC_DIR}/audit"
NAMESPACE = "secsdlc-audit"
_REQUIRED = {"time": str, "actor": str, "action": str, "data": dict, "prev": list}
_OPTIONAL = {"signer", "signature"}
_NAME = re.compile(r"[0-9a-f]{64}\.json")
MAX_ENTRY_BYTES = 256 * 1024
# Actions only a correspondent may take: an entry for one counts only when signed.
PRIVILEGED = frozenset({"waiver-approve", "correspondent-add", "correspondent-remove",
                        "release-signoff", "policy-sign", "override-sign"})


class AuditError(SecsdlcError):
    """The log is damaged or was tampered with; the message names the entry."""


@dataclass(frozen=True, kw_only=True)
class AuditReport:
    entries: int
    signed: int
    anchored_commits: int  # commits whose entry files were checked never to have been removed


@dataclass(frozen=True, kw_only=True)
class Entry:
    id: str
    body: dict[str, Any]
    signer: sshsig.SshPublicKey | None  # set once its signature verified

    @property
    def action(self) -> str:
        return str(self.body["action"])


def entry_id(body: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(body)).hexdigest()


def append(
    root: Path,
    *,
    action: str,
    actor: str,
    data: Mapping[str, Any],
    key: PrivateKey | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    directory = root / AUDIT_DIR
    directory.mkdir(parents=True, exist_ok=True)
    ignore = directory / ".gitignore"
    if not ignore.exists():
        ignore.write_text(".lock\n", encoding="utf-8")
    with _locked(directory / ".lock"):
        entries = _read_all(directory)
        named = {p for e in entries.values() for p in e["prev"]}
        entry: dict[str, Any] = {
            "time": timestamp(now or datetime.now(timezone.utc)),
            "actor": actor,
            "action": action,
            "data": dict(data),
            "prev": sorted(set(entries) - named),
        }
        if key is not None:
            entry["signer"] = sshsig.public_key_of(key).fingerprint
            entry["signature"] = sshsig.sign(key, canonical(entry), NAMESPACE)
        atomic_write(directory / f"{entry_id(entry)}.json", canonical(entry) + b"\n")
        return entry


def verify(root: Path, *, use_git: bool = True,
           correspondent_keys: frozenset[bytes] | None = None) -> AuditReport:
    """Check every entry, its links and signature (and, through git, that none was removed).

    With `correspondent_keys` (every key of every verified registry version), a signed entry must
    also be signed by one of them.
    """
    entries = load(root, correspondent_keys=correspondent_keys)
    anchored = _check_git(root) if use_git else 0
    return AuditReport(entries=len(entries),
                       signed=sum(1 for e in entries.values() if e.signer is not None),
                       anchored_commits=anchored)


def load(root: Path, *, correspondent_keys: frozenset[bytes] | None = None) -> dict[str, Entry]:
    """Every entry, checked: name, canonical form, links, signatures. AuditError otherwise."""
    directory = root / AUDIT_DIR
    if not directory.is_dir():
        raise AuditError(f"{directory}: no audit log")
    raw = _read_all(directory)
    if not raw:
        raise AuditError(f"{directory}: no audit log")
    checked: dict[str, Entry] = {}
    for ident, body in sorted(raw.items()):
        where = f"{directory / ident}.json"
        for prev in body["prev"]:
            if prev not in raw:
                raise AuditError(f"{where}: names entry {prev[:12]}, which is missing (an entry "
                                 "was removed)")
        signer = None
        if "signature" in body:
            signer = _check_signature(body, where)
            if correspondent_keys is not None and signer.blob not in correspondent_keys:
                raise AuditError(f"{where}: signed by {signer.fingerprint}, which was never a "
                                 "correspondent in the verified registry")
        elif body["action"] in PRIVILEGED:
            raise AuditError(f"{where}: {body['action']} is not signed (only a correspondent's "
                             "signed entry records it)")
        checked[ident] = Entry(id=ident, body=body, signer=signer)
    return checked


@dataclass(frozen=True, kw_only=True)
class WaiverTrail:
    """What the verified log says about waivers: a waiver counts only with its request entry and
    an approval entry signed by the key that approved it."""

    requested: frozenset[str] = frozenset()
    approved: Mapping[str, frozenset[bytes]] = field(default_factory=dict)  # id -> signer keys
    problem: str = ""  # why the log cannot be relied on; then no waiver counts

    def why_not(self, waiver_id: str, approver_key: bytes) -> str:
        """Why the log does not back this approved waiver; empty when it does."""
        if self.problem:
            return f"the audit log cannot be relied on: {self.problem}"
        if waiver_id not in self.requested:
            return "no waiver-request entry for it in the audit log"
        if approver_key not in self.approved.get(waiver_id, frozenset()):
            return "no waiver-approve entry for it signed by its approver in the audit log"
        return ""


def waiver_trail(root: Path, correspondent_keys: frozenset[bytes] | None) -> WaiverTrail:
    try:
        entries = load(root, correspondent_keys=correspondent_keys)
        _check_git(root)
    except (AuditError, fileio.InputError) as e:
        return WaiverTrail(problem=str(e))
    requested: set[str] = set()
    approved: dict[str, set[bytes]] = {}
    for entry in entries.values():
        waiver = entry.body["data"].get("waiver")
        if not isinstance(waiver, str):
            continue
        if entry.action == "waiver-request":
            requested.add(waiver)
        elif entry.action == "waiver-approve" and entry.signer is not None:
            approved.setdefault(waiver, set()).add(entry.signer.blob)
    return WaiverTrail(requested=frozenset(requested),
                       approved={k: frozenset(v) for k, v in approved.items()})


def ordered(entries: Mapping[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(id, entry), each after those it names (when present), then by time: the order made."""
    done: set[str] = set()
    out: list[tuple[str, dict[str, Any]]] = []
    pending = sorted(entries.items(), key=lambda item: (str(item[1]["time"]), item[0]))
    while pending:
        ready = next((item for item in pending
                      if all(p in done or p not in entries for p in item[1]["prev"])),
                     pending[0])
        out.append(ready)
        done.add(ready[0])
        pending.remove(ready)
    return out


def read_entries(root: Path) -> dict[str, dict[str, Any]]:
    """Every entry file, each checked to be a canonical entry named by its hash; links and
    signatures are not checked (see `load`)."""
    return _read_all(root / AUDIT_DIR)


def _read_all(directory: Path) -> dict[str, dict[str, Any]]:
    """id -> entry, each file checked to be a canonical entry named by its hash."""
    found: dict[str, dict[str, Any]] = {}
    if not directory.is_dir():
        return found
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if not _NAME.fullmatch(path.name):
            raise AuditError(f"{path}: not an audit entry (entries are named <sha256>.json)")
        # an unreadable or binary file is bad input (fileio.InputError), not a verdict
        text = fileio.read_text(path, "audit entry", limit=MAX_ENTRY_BYTES)
        body = _parse_entry(text.encode(), str(path))
        ident = path.name[:-len(".json")]
        if entry_id(body) != ident:
            raise AuditError(f"{path}: content does not match its name (the entry was edited)")
        found[ident] = body
    return found


def _parse_entry(data: bytes, where: str) -> dict[str, Any]:
    try:
        entry = fileio.loads_json(data, where, unique_keys=True)
    except fileio.InputError as e:
        raise AuditError(str(e)) from None
    if not isinstance(entry, dict):
        raise AuditError(f"{where}: not a JSON object")
    for key, kind in _REQUIRED.items():
        if not isinstance(entry.get(key), kind) or isinstance(entry.get(key), bool):
            raise AuditError(f"{where}: missing or invalid {key!r}")
    unknown = set(entry) - set(_REQUIRED) - _OPTIONAL
    if unknown:
        raise AuditError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if not all(isinstance(p, str) and re.fullmatch(r"[0-9a-f]{64}", p) for p in entry["prev"]):
        raise AuditError(f"{where}: 'prev' must list entry ids")
    try:
        if canonical(entry) + b"\n" != data:
            # Re-serialising must give the same bytes, or two logs could differ yet "verify".
            raise AuditError(f"{where}: entry is not in canonical form (edited by hand?)")
    except UnicodeEncodeError:
        raise AuditError(f"{where}: invalid Unicode") from None
    return entry


def signature_note(entry: Any) -> str:
    """For display: "signed X" only once the signature verifies."""
    if not isinstance(entry, dict):
        return ""
    if "signature" not in entry:
        return "NOT SIGNED: does not count" if entry.get("action") in PRIVILEGED else ""
    try:
        key = _check_signature(entry, "")
    except AuditError as e:
        return f"signature INVALID: {str(e).split(': ', 1)[-1]}"
    except (TypeError, ValueError) as e:
        return f"signature INVALID: {e}"
    return f"signed {key.fingerprint}"


def _check_signature(entry: dict[str, Any], where: str) -> sshsig.SshPublicKey:
    body = {k: v for k, v in entry.items() if k != "signature"}
    try:
        sig = sshsig.verify(str(entry["signature"]), canonical(body), NAMESPACE)
    except SignatureError as e:
        raise AuditError(f"{where}: signature invalid: {e}") from e
    if body.get("signer") != sig.public_key.fingerprint:
        raise AuditError(f"{where}: 'signer' does not name the key that signed")
    return sig.public_key


def _check_git(root: Path) -> int:
    """No entry file committed was ever deleted or changed; the count of commits checked."""
    from secsdlc import vcs

    try:
        repo = vcs.open_repo(root)
    except vcs.VcsError:
        return 0
    head = vcs.head_commit(repo)
    if head is None:
        return 0
    rel = (root.resolve() / AUDIT_DIR).relative_to(repo.top).as_posix()
    try:
        out = vcs.git(repo.top, "--literal-pathspecs", "log", "-m", "--no-renames",
                      "--format=commit %H", "--name-status", "--diff-filter=DMT", head, "--",
                      rel)
        commit = ""
        for line in out.splitlines():
            if line.startswith("commit "):
                commit = line.split()[1]
            elif "\t" in line:
                status, path = line.split("\t", 1)
                raise AuditError(f"{path}: {_WHAT.get(status[:1], 'changed')} in commit "
                                 f"{commit[:12]} (audit entries are only ever added)")
        out = vcs.git(repo.top, "--literal-pathspecs", "diff", "--no-renames", "--name-status",
                      "--diff-filter=DMT", head, "--", rel)
        for line in out.splitlines():
            if "\t" in line:
                status, path = line.split("\t", 1)
                raise AuditError(f"{path}: committed, and {_WHAT.get(status[:1], 'changed')} in "
                                 "the working tree (audit entries are only ever added)")
        count = vcs.git(repo.top, "--literal-pathspecs", "rev-list", "--count", head, "--", rel)
    except vcs.VcsError as e:
        raise AuditError(f"{root / AUDIT_DIR}: cannot read the log's history: {e}") from e
    return int(count.strip() or 0)


_WHAT = {"D": "deleted", "M": "edited", "T": "replaced"}


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
