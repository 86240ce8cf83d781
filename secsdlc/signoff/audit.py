"""The audit log: `.secsdlc/audit.log`, one JSON object per line, hash-chained and signed.

Each entry holds `prev`, the SHA-256 of the previous line's bytes, and a sequence number, so an
edited, removed, inserted or reordered line breaks the chain at a line `verify` can name. Entries
made with a key carry an SSHSIG (namespace `secsdlc-audit`) of the entry without its signature.
A chain alone cannot see its last lines cut off, so `verify` also checks, through git, that every
committed version of the log is a prefix of the next one and of the working copy.

Appends take an exclusive lock on a side file and replace the log atomically (write a temporary
copy, fsync, rename): a crash leaves the old or the new log, never a partial line, and concurrent
appends are serialised so no two entries claim the same predecessor.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from secsdlc.errors import SecsdlcError
from secsdlc.signoff import sshsig
from secsdlc.signoff.canonical import canonical, timestamp
from secsdlc.signoff.files import SECSDLC_DIR, atomic_write
from secsdlc.signoff.sshsig import PrivateKey, SignatureError

AUDIT_FILE = f"{SECSDLC_DIR}/audit.log"
NAMESPACE = "secsdlc-audit"
GENESIS = "0" * 64
_REQUIRED = {"seq": int, "time": str, "actor": str, "action": str, "data": dict, "prev": str}
# Actions only a correspondent may take: an entry for one counts only when signed.
PRIVILEGED = frozenset({"waiver-approve", "correspondent-add", "correspondent-remove",
                        "release-signoff"})


class AuditError(SecsdlcError):
    """The log is damaged or was tampered with; the message names the line."""


@dataclass(frozen=True, kw_only=True)
class AuditReport:
    entries: int
    signed: int
    anchored_commits: int  # committed versions checked to be prefixes of their successors


def append(
    root: Path,
    *,
    action: str,
    actor: str,
    data: Mapping[str, Any],
    key: PrivateKey | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    path = root / AUDIT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*.lock\n", encoding="utf-8")
    with _locked(path.with_name(path.name + ".lock")):
        try:
            old = path.read_bytes()
        except FileNotFoundError:
            old = b""
        if old and not old.endswith(b"\n"):
            raise AuditError(f"{path}: the last line is incomplete; run `secsdlc audit verify`")
        lines = old.splitlines()
        if lines:
            try:
                last = json.loads(lines[-1])
                seq = int(last["seq"]) + 1
            except (ValueError, KeyError, TypeError) as e:
                raise AuditError(
                    f"{path}:{len(lines)}: last entry is unreadable ({e}); "
                    "run `secsdlc audit verify`"
                ) from e
            prev = hashlib.sha256(lines[-1]).hexdigest()
        else:
            seq, prev = 1, GENESIS
        entry: dict[str, Any] = {
            "seq": seq,
            "time": timestamp(now or datetime.now(timezone.utc)),
            "actor": actor,
            "action": action,
            "data": dict(data),
            "prev": prev,
        }
        if key is not None:
            entry["signer"] = sshsig.public_key_of(key).fingerprint
            entry["signature"] = sshsig.sign(key, canonical(entry), NAMESPACE)
        atomic_write(path, old + canonical(entry) + b"\n")
        return entry


def verify(root: Path, *, use_git: bool = True,
           correspondent_keys: frozenset[bytes] | None = None) -> AuditReport:
    """Check the chain and signatures of the log (and, through git, that nothing was cut off).

    With `correspondent_keys` (every key of every verified registry version), a signed entry must
    also be signed by one of them.
    """
    path = root / AUDIT_FILE
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise AuditError(f"{path}: no audit log") from None
    except OSError as e:
        raise AuditError(f"{path}: cannot read: {e}") from e
    entries, signed = check_chain(content, str(path), correspondent_keys)
    anchored = _check_git_prefixes(root, content, str(path)) if use_git else 0
    return AuditReport(entries=entries, signed=signed, anchored_commits=anchored)


def check_chain(content: bytes, where: str,
                correspondent_keys: frozenset[bytes] | None = None) -> tuple[int, int]:
    if content and not content.endswith(b"\n"):
        last = content.count(b"\n") + 1
        raise AuditError(f"{where}:{last}: incomplete last line")
    prev_hash = GENESIS
    signed = 0
    lines = content.splitlines()
    for number, line in enumerate(lines, start=1):
        entry = _parse_entry(line, where, number)
        if entry["prev"] != prev_hash:
            if number == 1:
                raise AuditError(f"{where}:1: first entry does not start the chain (lines "
                                 "were removed before it)")
            raise AuditError(
                f"{where}:{number}: does not chain to line {number - 1} (line {number - 1} was "
                "edited, or an entry was removed, inserted or reordered here)"
            )
        if entry["seq"] != number:
            raise AuditError(
                f"{where}:{number}: sequence number {entry['seq']}, expected {number} (an entry "
                "was removed, inserted or reordered)"
            )
        if "signature" not in entry and entry["action"] in PRIVILEGED:
            raise AuditError(f"{where}:{number}: {entry['action']} is not signed (only a "
                             "correspondent's signed entry records it)")
        if "signature" in entry:
            key = _check_signature(entry, where, number)
            if correspondent_keys is not None and key.blob not in correspondent_keys:
                raise AuditError(f"{where}:{number}: signed by {key.fingerprint}, which was never "
                                 "a correspondent in the verified registry")
            signed += 1
        prev_hash = hashlib.sha256(line).hexdigest()
    return len(lines), signed


def _parse_entry(line: bytes, where: str, number: int) -> dict[str, Any]:
    try:
        entry = json.loads(line)
    except ValueError as e:
        raise AuditError(f"{where}:{number}: not valid JSON ({e})") from None
    if not isinstance(entry, dict):
        raise AuditError(f"{where}:{number}: not a JSON object")
    for key, kind in _REQUIRED.items():
        if not isinstance(entry.get(key), kind) or isinstance(entry.get(key), bool):
            raise AuditError(f"{where}:{number}: missing or invalid {key!r}")
    if canonical(entry) != line:
        # Re-serialising must give the same bytes, or two logs could differ yet "verify".
        raise AuditError(f"{where}:{number}: entry is not in canonical form (edited by hand?)")
    return entry


def signature_note(entry: Any) -> str:
    """For display: "signed X" only once the signature verifies."""
    if not isinstance(entry, dict):
        return ""
    if "signature" not in entry:
        return "NOT SIGNED: does not count" if entry.get("action") in PRIVILEGED else ""
    try:
        key = _check_signature(entry, "", 0)
    except AuditError as e:
        return f"signature INVALID: {str(e).split(': ', 1)[-1]}"
    except (TypeError, ValueError) as e:
        return f"signature INVALID: {e}"
    return f"signed {key.fingerprint}"


def _check_signature(entry: dict[str, Any], where: str, number: int) -> sshsig.SshPublicKey:
    body = {k: v for k, v in entry.items() if k != "signature"}
    try:
        sig = sshsig.verify(str(entry["signature"]), canonical(body), NAMESPACE)
    except SignatureError as e:
        raise AuditError(f"{where}:{number}: signature invalid: {e}") from e
    if body.get("signer") != sig.public_key.fingerprint:
        raise AuditError(f"{where}:{number}: 'signer' does not name the key that signed")
    return sig.public_key


def _check_git_prefixes(root: Path, content: bytes, where: str) -> int:
    from secsdlc import vcs

    try:
        repo = vcs.open_repo(root)
    except vcs.VcsError:
        return 0
    rel = (root.resolve() / AUDIT_FILE).relative_to(repo.top).as_posix()
    head = vcs.head_commit(repo)
    if head is None:
        return 0
    try:
        checked = 0
        for commit in vcs.commits_touching(repo, head, [rel]):
            mine = vcs.blob(repo, commit.sha, rel) or b""
            for parent in commit.parents:
                _require_prefix(vcs.blob(repo, parent, rel) or b"", mine,
                                f"{where} in commit {commit.sha[:12]}")
            checked += 1
        _require_prefix(vcs.blob(repo, head, rel) or b"", content, where)
    except vcs.VcsError as e:
        raise AuditError(f"{where}: cannot read the log's history: {e}") from e
    return checked


def _require_prefix(older: bytes, newer: bytes, where: str) -> None:
    if newer.startswith(older):
        return
    old_lines, new_lines = older.splitlines(), newer.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if a != b:
            raise AuditError(f"{where}:{number}: differs from the committed log (edited or "
                             "removed entry)")
    raise AuditError(
        f"{where}:{len(new_lines) + 1}: committed entries from line {len(new_lines) + 1} on were "
        "removed"
    )


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
