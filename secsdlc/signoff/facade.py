"""Sign-off behind one door: what the gate asks of it (the verified correspondents, the waivers
on file checked against them, whether a relaxation is signed by one, the release sign-off) and
what the sign-off commands do (`secsdlc.signoff.commands`).

The registry is verified once per decision (git history and trust root); when it cannot be,
`Correspondents.problem` says why and nothing that rests on it counts: waivers do not waive,
relaxations do not relax, a sign-off fails.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from secsdlc import fileio
from secsdlc.model import ScanResult, Severity
from secsdlc.signoff import audit, registry, release, sshsig
from secsdlc.signoff import waivers as signoff_waivers
from secsdlc.signoff.allowed_signers import AllowedSigners
from secsdlc.signoff.audit import AuditError
from secsdlc.signoff.canonical import canonical, parse_timestamp, timestamp
from secsdlc.signoff.commands import (
    AuditEntry,
    add_correspondent,
    approve_waiver,
    audit_entries,
    list_waivers,
    registry_on_disk,
    remove_correspondent,
    request_waiver,
    review_waiver,
    sign_config,
    sign_override,
    sign_release,
    verify_audit,
)
from secsdlc.signoff.context import project_root, trust_root
from secsdlc.signoff.registry import REGISTRY_FILE, SIGNATURE_FILE
from secsdlc.signoff.release import NOTES_REF
from secsdlc.signoff.sshsig import KeyFingerprint
from secsdlc.signoff.waivers import FIRST_LINE_VERSION, Waiver, WaiverStatus, over_limit

__all__ = [
    "FIRST_LINE_VERSION", "NOTES_REF", "REGISTRY_FILE", "SIGNATURE_FILE", "AuditEntry",
    "AuditError", "Correspondents", "Waiver", "WaiverStatus", "add_correspondent",
    "approve_waiver", "audit_entries", "canonical", "check_release", "check_waivers",
    "correspondents", "list_waivers", "over_limit", "parse_timestamp", "project_root",
    "registered_principals", "registry_on_disk", "relaxation_problem", "remove_correspondent",
    "request_waiver", "review_waiver", "sign_config", "sign_override", "sign_release",
    "timestamp", "trust_root", "verified_correspondents", "verify_audit", "waivers_on_file",
]


@dataclass(frozen=True, kw_only=True)
class Correspondents:
    """The verified correspondent registry, or why there is none to rely on."""

    signers: AllowedSigners | None = None
    project: str = ""  # the project the registry is signed for: what signatures are bound to
    problem: str = ""  # why the registry is not trusted; "" when verified or never asked for
    ever: frozenset[bytes] = frozenset()  # keys of every verified version (the audit log's)
    version: int = 0
    versions_checked: int = 0  # signed versions walked back to the trust root


def correspondents(root: Path, given: Sequence[str]) -> Correspondents:
    """The registry verified against the trust root `given` (empty: $SECSDLC_TRUST_ROOT); a
    malformed trust root is a problem like any other."""
    try:
        trust = trust_root(given)
    except registry.RegistryError as e:
        return Correspondents(problem=str(e))
    return verified_correspondents(root, trust)


def verified_correspondents(root: Path, trust: tuple[KeyFingerprint, ...]) -> Correspondents:
    """The registry verified against `trust` (parsed by `trust_root`)."""
    try:
        verified = registry.verify(root, trust)
    except registry.RegistryError as e:
        return Correspondents(problem=str(e))
    return Correspondents(signers=verified.signers, project=verified.project,
                          ever=verified.ever, version=verified.version,
                          versions_checked=verified.versions_checked)


def waivers_on_file(root: Path) -> tuple[list[Waiver], list[str]]:
    """The waiver files that parse, and the problem of each one that does not."""
    waivers, broken = signoff_waivers.load_all(root)
    return waivers, [problem for _, problem in broken]


def check_waivers(waivers: list[Waiver], correspondents: Correspondents, root: Path, *,
                  max_days_at: Callable[[str], Mapping[Severity, int]], now: datetime,
                  require_project: bool) -> list[WaiverStatus]:
    """Each waiver's standing against the verified registry and the audit log;
    `max_days_at(path)` is the policy's longest waiver per severity where the waiver applies."""
    signers = correspondents.signers
    trail = (audit.waiver_trail(root, correspondents.ever) if waivers and signers is not None
             else audit.WaiverTrail())
    return [
        signoff_waivers.check(
            w, signers=signers, registry_problem=correspondents.problem,
            project=correspondents.project, max_days=max_days_at(w.path), now=now,
            require_project=require_project, trail=trail,
        )
        for w in waivers
    ]


def relaxation_problem(signature: str, message: bytes, namespace: str,
                       correspondents: Correspondents) -> str:
    """Why `signature` over `message` is not a correspondent's; "" when it is."""
    try:
        sig = sshsig.verify(signature, message, namespace)
    except sshsig.SignatureError as e:
        return str(e)
    if correspondents.signers is None:
        return correspondents.problem or "no correspondent registry"
    if not correspondents.signers.principals_for(sig.public_key, namespace):
        return f"signed by {sig.public_key.fingerprint}, not a correspondent"
    return ""


def check_release(result: ScanResult, root: Path, correspondents: Correspondents,
                  signoff_file: Path | None) -> tuple[list[str], bool]:
    """Why the release sign-off of HEAD (the git note, or `signoff_file`) does not cover
    `result`'s open findings, and whether that is because it could not be checked at all."""
    signers = correspondents.signers
    if signers is None:
        return [f"cannot check the release sign-off: {correspondents.problem}"], True
    try:
        head = release.head_commit(root)
        if signoff_file is not None:
            where = str(signoff_file)
            try:
                text = fileio.read_text(signoff_file, "--signoff")
            except fileio.InputError as e:
                return [f"cannot read the sign-off: {e}"], True
        else:
            where = f"git note {release.NOTES_REF} on {head[:12]}"
            note = release.read_note(root, head)
            if note is None:
                return [f"no release sign-off for HEAD {head[:12]} (secsdlc signoff)"], False
            text = note
        signoff = release.parse(text, where)
    except release.SignoffError as e:
        return [str(e)], True
    reasons = release.check(signoff, signers=signers, head=head,
                            open_now=release.open_fingerprints(result),
                            project=correspondents.project)
    return reasons, False


def registered_principals(root: Path) -> tuple[tuple[str, ...], str]:
    """The principals the registry on disk names, unverified (a display, never a decision),
    and why it could not be read ("" when it could, or when there is none)."""
    try:
        signers = registry.read_working(root)
    except registry.RegistryError as e:
        return (), str(e)
    if signers is None:
        return (), ""
    names = [p for s in signers.signers for p in s.principals if not p.startswith("!")]
    return tuple(dict.fromkeys(names)), ""
