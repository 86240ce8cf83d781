"""Release sign-off: a correspondent signs a commit together with the set of findings left open.

The sign-off is kept as a git note on the commit (ref `refs/notes/secsdlc-signoff`), because a file
committed into the tree would itself move HEAD away from the commit it signs; it can also be
handed over as a file. `check` passes only if the signed commit is HEAD and the signed set of open
fingerprints is exactly today's: a new finding, or one that disappeared without being fixed through
a waiver or suppression the correspondent saw, both invalidate it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from secsdlc import fileio
from secsdlc.errors import SecsdlcError
from secsdlc.model import ScanResult
from secsdlc.signoff import sshsig
from secsdlc.signoff.allowed_signers import AllowedSigners
from secsdlc.signoff.canonical import canonical, parse_timestamp, timestamp
from secsdlc.signoff.sshsig import PrivateKey, SignatureError

NAMESPACE = "secsdlc-signoff"
NOTES_REF = "secsdlc-signoff"
FORMAT_VERSION = 1


class SignoffError(SecsdlcError):
    """A sign-off cannot be made or read; the message says where and why."""


@dataclass(frozen=True, kw_only=True)
class Signoff:
    project: str
    commit: str
    open: tuple[str, ...]  # sorted fingerprints
    created: datetime
    principal: str
    signature: str = ""

    def signed_bytes(self) -> bytes:
        return canonical({
            "version": FORMAT_VERSION, "project": self.project, "commit": self.commit,
            "open": sorted(self.open), "created": timestamp(self.created),
            "principal": self.principal,
        })

    def to_json(self) -> str:
        data = json.loads(self.signed_bytes())
        data["signature"] = self.signature
        return json.dumps(data, indent=2, sort_keys=True) + "\n"


def open_fingerprints(result: ScanResult) -> frozenset[str]:
    """Findings neither fixed nor waived nor suppressed: what a correspondent accepts."""
    return frozenset(
        f.fingerprint for f in result.findings
        if f.fingerprint and not f.suppressed and f.baseline_state != "absent"
    )


def head_commit(root: Path) -> str:
    rc, out, err = _git(root, "rev-parse", "--verify", "HEAD^{commit}")
    if rc != 0:
        raise SignoffError(f"{root}: no HEAD commit to sign off: {err.strip()}")
    return out.strip()


def create(result: ScanResult, *, root: Path, key: PrivateKey, principal: str, project: str,
           now: datetime) -> Signoff:
    draft = Signoff(project=project, commit=head_commit(root),
                    open=tuple(sorted(open_fingerprints(result))), created=now,
                    principal=principal)
    return replace(draft, signature=sshsig.sign(key, draft.signed_bytes(), NAMESPACE))


def write_note(root: Path, signoff: Signoff) -> None:
    rc, _, err = _git(root, "notes", "--ref", NOTES_REF, "add", "-f", "-F", "-", signoff.commit,
                      stdin=signoff.to_json().encode())
    if rc != 0:
        raise SignoffError(f"cannot attach the sign-off note to {signoff.commit}: {err.strip()}")


def read_note(root: Path, commit: str) -> str | None:
    rc, out, _ = _git(root, "notes", "--ref", NOTES_REF, "show", commit)
    return out if rc == 0 else None


def parse(text: str, where: str) -> Signoff:
    try:
        data: Any = fileio.loads_json(text, where, unique_keys=True)
    except fileio.InputError as e:
        raise SignoffError(str(e)) from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise SignoffError(f"{where}: not a secsdlc sign-off (version {FORMAT_VERSION})")
    expected = {"version", "project", "commit", "open", "created", "principal", "signature"}
    if set(data) != expected:
        raise SignoffError(f"{where}: fields must be exactly {', '.join(sorted(expected))}")
    strs = ("project", "commit", "created", "principal", "signature")
    if not all(isinstance(data[k], str) for k in strs):
        raise SignoffError(f"{where}: {', '.join(strs)} must be strings")
    if not isinstance(data["open"], list) or not all(isinstance(x, str) for x in data["open"]):
        raise SignoffError(f"{where}: 'open' must be a list of fingerprints")
    try:
        created = parse_timestamp(data["created"])
    except ValueError:
        raise SignoffError(f"{where}: 'created' is not a time") from None
    return Signoff(project=data["project"], commit=data["commit"], open=tuple(data["open"]),
                   created=created, principal=data["principal"], signature=data["signature"])


def check(signoff: Signoff, *, signers: AllowedSigners, head: str, open_now: frozenset[str],
          project: str) -> list[str]:
    """Reasons the sign-off does not cover this release; empty when it does."""
    try:
        sig = sshsig.verify(signoff.signature, signoff.signed_bytes(), NAMESPACE)
    except SignatureError as e:
        return [f"sign-off signature: {e}"]
    if not signers.is_allowed(signoff.principal, sig.public_key, NAMESPACE):
        return [f"sign-off signed by key {sig.public_key.fingerprint}, which is not correspondent "
                f"{signoff.principal!r} in the verified registry"]
    reasons: list[str] = []
    if signoff.project != project:
        reasons.append(f"sign-off is for project {signoff.project!r}, this is {project!r}")
    if signoff.commit != head:
        reasons.append(f"sign-off is for commit {signoff.commit[:12]}, HEAD is {head[:12]}")
    signed = frozenset(signoff.open)
    new, gone = sorted(open_now - signed), sorted(signed - open_now)
    if new:
        reasons.append(f"{len(new)} open finding(s) not in the sign-off: {_few(new)}")
    if gone:
        reasons.append(f"{len(gone)} signed-off finding(s) no longer open: {_few(gone)}")
    return reasons


def _few(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _git(root: Path, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    from secsdlc import vcs

    try:
        return vcs.run_git(root, *args, timeout=60, stdin=stdin)
    except vcs.VcsError as e:
        raise SignoffError(str(e)) from e
