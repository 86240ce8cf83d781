"""Signed waivers: `.secsdlc/waivers/<id>.json`.

A waiver names the findings it covers (fingerprints, rule, path, and for each finding its lines,
severity, message and code: `secsdlc.signoff.coverage`), why, who asked (git user.email) and until
when. Its id is a hash of that content, and a correspondent approves it by signing the
canonical JSON of everything but the approval (SSHSIG, namespace `secsdlc-waiver`), so an edit of
the reason, expiry or fingerprints after signing is caught twice over. Whether a waiver is valid
also depends on the verified registry, the policy and the clock: see `check`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from secsdlc import fileio
from secsdlc.errors import SecsdlcError
from secsdlc.model import Severity
from secsdlc.signoff import coverage, sshsig
from secsdlc.signoff.allowed_signers import AllowedSigners, same_principal
from secsdlc.signoff.audit import WaiverTrail
from secsdlc.signoff.canonical import canonical, parse_timestamp, timestamp
from secsdlc.signoff.files import SECSDLC_DIR, atomic_write
from secsdlc.signoff.sshsig import PrivateKey, SignatureError

WAIVER_DIR = f"{SECSDLC_DIR}/waivers"
NAMESPACE = "secsdlc-waiver"
FORMAT_VERSION = 3
# a version 2 waiver records no findings beside its fingerprints: still honoured once approved,
# never approved again
NO_FINDINGS_VERSION = 2
# a version 1 waiver names its findings by their first-line key (fingerprint.LIFECYCLE_KEY)
FIRST_LINE_VERSION = 1
EXPIRY_WARNING = timedelta(days=7)
# Clocks differ between a laptop and CI; a waiver "created" further ahead than this is refused.
CLOCK_SKEW = timedelta(hours=1)
MAX_WAIVER_BYTES = 1024 * 1024


class WaiverError(SecsdlcError):
    """A waiver file is unreadable or malformed; the message names the file and field."""


@dataclass(frozen=True, kw_only=True)
class Approval:
    principal: str
    signature: str


@dataclass(frozen=True, kw_only=True)
class Waiver:
    id: str
    project: str
    fingerprints: tuple[str, ...]
    rule: str
    path: str
    severity: Severity
    reason: str
    requester: str
    created: datetime
    expires: datetime  # the waiver stops applying at this instant
    covered: tuple[coverage.Covered, ...] = ()  # what the approver judged (version 3)
    approval: Approval | None = None
    source: str = ""  # file it was read from
    version: int = FORMAT_VERSION

    def request_content(self) -> dict[str, Any]:
        """The fields the id hashes and the approver signs: everything but id and approval."""
        content: dict[str, Any] = {
            "version": self.version,
            "project": self.project,
            "fingerprints": sorted(self.fingerprints),
            "rule": self.rule,
            "path": self.path,
            "severity": self.severity.value,
            "reason": self.reason,
            "requester": self.requester,
            "created": timestamp(self.created),
            "expires": timestamp(self.expires),
        }
        if self.version >= FORMAT_VERSION:
            content["findings"] = [c.to_dict() for c in
                                   sorted(self.covered, key=lambda c: c.fingerprint)]
        return content

    def signed_bytes(self) -> bytes:
        return canonical({"id": self.id, **self.request_content()})

    def to_json(self) -> str:
        data: dict[str, Any] = {"id": self.id, **self.request_content()}
        if self.approval is not None:
            data["approval"] = {"principal": self.approval.principal,
                                "signature": self.approval.signature}
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def content_id(content: Mapping[str, Any]) -> str:
    return "w-" + hashlib.sha256(canonical(content)).hexdigest()[:16]


def new_waiver(
    *,
    project: str,
    covered: Sequence[coverage.Covered],
    reason: str,
    requester: str,
    created: datetime,
    expires: datetime,
) -> Waiver:
    """A request for the recorded findings (`coverage.from_sarif`): of one rule in one file, at
    the highest severity among them."""
    fingerprints = tuple(c.fingerprint for c in covered)
    if not fingerprints or not all(fp.strip() for fp in fingerprints):
        raise WaiverError("a waiver needs at least one finding fingerprint")
    if len({(c.rule, c.path) for c in covered}) != 1:
        raise WaiverError("one waiver covers findings of one rule in one file")
    rule, path = covered[0].rule, covered[0].path
    severity = max((c.severity for c in covered), key=lambda s: s.rank)
    if not reason.strip():
        raise WaiverError("a waiver needs a reason")
    if not requester.strip():
        raise WaiverError("no requester: set `git config user.email`")
    if expires <= created:
        raise WaiverError(f"expiry {timestamp(expires)} is not after creation")
    draft = Waiver(id="", project=project, fingerprints=tuple(sorted(set(fingerprints))),
                   rule=rule, path=path, severity=severity, reason=reason, requester=requester,
                   created=created, expires=expires,
                   covered=tuple({c.fingerprint: c for c in covered}.values()))
    return replace(draft, id=content_id(draft.request_content()))


def approve(waiver: Waiver, key: PrivateKey, principal: str) -> Waiver:
    signature = sshsig.sign(key, waiver.signed_bytes(), NAMESPACE)
    return replace(waiver, approval=Approval(principal=principal, signature=signature))


def path_for(root: Path, waiver_id: str) -> Path:
    if not waiver_id.startswith("w-") or not waiver_id[2:].isalnum():
        raise WaiverError(f"{waiver_id!r} is not a waiver id (w-...)")
    return root / WAIVER_DIR / f"{waiver_id}.json"


def save(root: Path, waiver: Waiver) -> Path:
    path = path_for(root, waiver.id)
    atomic_write(path, waiver.to_json().encode())
    return path


def load(path: Path) -> Waiver:
    """Parse one waiver file; raise WaiverError naming the file and what is wrong."""
    if not path.exists() and not path.is_symlink():
        raise WaiverError(f"{path}: no such waiver")
    try:
        # a duplicate key would let the file say one thing to a reader and another to us
        data = fileio.load_json(path, limit=MAX_WAIVER_BYTES, unique_keys=True)
    except fileio.InputError as e:
        raise WaiverError(str(e)) from None
    try:
        canonical(data)
    except UnicodeEncodeError:
        raise WaiverError(f"{path}: invalid Unicode (an unpaired surrogate escape)") from None
    waiver = from_dict(data, str(path))
    if path.name != f"{waiver.id}.json":
        raise WaiverError(f"{path}: file name does not match waiver id {waiver.id}")
    return waiver


def from_dict(data: Any, where: str) -> Waiver:
    if not isinstance(data, dict):
        raise WaiverError(f"{where}: a waiver is a JSON object")
    known = {"id", "version", "project", "fingerprints", "rule", "path", "severity", "reason",
             "requester", "created", "expires", "approval", "findings"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise WaiverError(f"{where}: unknown field(s) {', '.join(unknown)}")

    def text(key: str, allow_empty: bool = False) -> str:
        value = data.get(key)
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise WaiverError(f"{where}: {key!r} must be a non-empty string")
        return value

    def when(key: str) -> datetime:
        try:
            return parse_timestamp(text(key))
        except ValueError:
            raise WaiverError(f"{where}: {key!r} is not a date or time: {data[key]!r}") from None

    version = data.get("version")
    if type(version) is not int or version not in (FORMAT_VERSION, NO_FINDINGS_VERSION,
                                                   FIRST_LINE_VERSION):
        raise WaiverError(f"{where}: unsupported waiver version {version!r}")
    raw_covered = data.get("findings")
    if (raw_covered is not None) != (version >= FORMAT_VERSION):
        raise WaiverError(f"{where}: 'findings' belongs in a version {FORMAT_VERSION} waiver, "
                          "and only there")
    if raw_covered is not None and not isinstance(raw_covered, list):
        raise WaiverError(f"{where}: 'findings' must be a list")
    try:
        covered = tuple(coverage.from_dict(c, f"{where}: findings[{i}]")
                        for i, c in enumerate(raw_covered or ()))
    except ValueError as e:
        raise WaiverError(str(e)) from None
    fps = data.get("fingerprints")
    if not isinstance(fps, list) or not fps or not all(isinstance(f, str) and f for f in fps):
        raise WaiverError(f"{where}: 'fingerprints' must be a non-empty list of strings")
    try:
        severity = Severity.parse(text("severity"))
    except ValueError as e:
        raise WaiverError(f"{where}: 'severity': {e}") from None
    approval = None
    raw_approval = data.get("approval")
    if raw_approval is not None:
        if (not isinstance(raw_approval, dict) or set(raw_approval) != {"principal", "signature"}
                or not all(isinstance(v, str) for v in raw_approval.values())):
            raise WaiverError(f"{where}: 'approval' must hold a principal and a signature")
        approval = Approval(principal=raw_approval["principal"],
                            signature=raw_approval["signature"])
    return Waiver(
        id=text("id"), project=text("project", allow_empty=True), fingerprints=tuple(fps),
        rule=text("rule"), path=text("path"), severity=severity, reason=text("reason"),
        requester=text("requester"), created=when("created"), expires=when("expires"),
        covered=covered, approval=approval, source=where, version=version,
    )


def load_all(root: Path) -> tuple[list[Waiver], list[tuple[Path, str]]]:
    """Every waiver file: the parsed ones and (file, problem) for those that could not be."""
    directory = root / WAIVER_DIR
    waivers: list[Waiver] = []
    broken: list[tuple[Path, str]] = []
    if not directory.is_dir():
        return waivers, broken
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.suffix != ".json":
            continue
        try:
            waivers.append(load(path))
        except WaiverError as e:
            broken.append((path, str(e)))
    return waivers, broken


def over_limit(created: datetime, expires: datetime, severity: Severity,
               max_days: Mapping[Severity, int]) -> int | None:
    """The policy's longest waiver, in days, for a `severity` finding when a waiver from
    `created` to `expires` lasts longer; None when it does not or the policy sets no limit.

    The one length check: at request, for the waiver's own severity, and at the gate, for the
    severity each finding it covers has where it stands.
    """
    limit = max_days.get(severity)
    return limit if limit is not None and expires - created > timedelta(days=limit) else None


@dataclass(frozen=True, kw_only=True)
class WaiverStatus:
    """pending / approved / expired / invalid, and why; `approved` is the only one that waives."""

    waiver: Waiver
    status: str
    why: str = ""
    approver: str = ""
    warnings: tuple[str, ...] = field(default=())

    @property
    def usable(self) -> bool:
        return self.status == "approved"


def check(
    waiver: Waiver,
    *,
    signers: AllowedSigners | None,
    registry_problem: str,
    project: str,
    max_days: Mapping[Severity, int],
    now: datetime,
    trail: WaiverTrail,
    require_project: bool = False,
) -> WaiverStatus:
    """Decide whether `waiver` may waive anything, independent of any one finding.

    `project` is the verified registry's signed project; with `require_project` (enforce mode)
    a registry that names none lets no waiver count.
    """

    def invalid(why: str) -> WaiverStatus:
        return WaiverStatus(waiver=waiver, status="invalid", why=why)

    content = waiver.request_content()
    if content_id(content) != waiver.id:
        return invalid("content does not match its id: the waiver was edited after it was "
                       "requested (reason, expiry, fingerprints...)")
    if require_project and not project and signers is not None:
        return invalid("the registry names no project, so no waiver can be bound to this one "
                       "(a correspondent sets it: secsdlc correspondent add ... --project NAME)")
    if signers is not None and waiver.project != project:
        return invalid(f"waiver is for project {waiver.project!r}, this is {project!r}")
    if waiver.created > now + CLOCK_SKEW:
        return invalid(f"created in the future ({timestamp(waiver.created)})")
    limit = over_limit(waiver.created, waiver.expires, waiver.severity, max_days)
    if limit is not None:
        return invalid(
            f"lasts {(waiver.expires - waiver.created).days} days; policy allows at most {limit} "
            f"for {waiver.severity.value}"
        )
    if waiver.approval is None:
        return WaiverStatus(waiver=waiver, status="pending", why="not approved yet")
    try:
        sig = sshsig.verify(waiver.approval.signature, canonical({"id": waiver.id, **content}),
                            NAMESPACE)
    except SignatureError as e:
        return invalid(f"approval signature: {e}")
    key = sig.public_key
    if signers is None:
        return invalid(f"cannot check the approver: {registry_problem or 'no registry'}")
    if not signers.is_allowed(waiver.approval.principal, key, NAMESPACE):
        return invalid(
            f"signed by key {key.fingerprint}, which is not a correspondent "
            f"{waiver.approval.principal!r} in the verified registry"
        )
    if same_principal(waiver.approval.principal, waiver.requester) or signers.is_allowed(
        waiver.requester, key, NAMESPACE
    ):
        return invalid(f"approved by the requester {waiver.requester!r}: a correspondent "
                       "cannot approve their own waiver")
    missing = trail.why_not(waiver.id, key.blob)
    if missing:
        return invalid(missing)
    if now >= waiver.expires:
        return WaiverStatus(waiver=waiver, status="expired",
                            why=f"expired {timestamp(waiver.expires)}",
                            approver=waiver.approval.principal)
    warnings: tuple[str, ...] = ()
    if waiver.expires - now <= EXPIRY_WARNING:
        warnings = (f"waiver {waiver.id} ({waiver.rule} in {waiver.path}) expires "
                    f"{timestamp(waiver.expires)}",)
    return WaiverStatus(waiver=waiver, status="approved", approver=waiver.approval.principal,
                        warnings=warnings)
