"""What the sign-off commands do: each `secsdlc correspondent|waiver|policy|signoff|audit` action
is one function here, reached through the façade; the command parses its arguments, calls it and
prints what it returns. A private key is read here too, with a passphrase prompt when stdin is a
terminal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from secsdlc.errors import UsageError
from secsdlc.model import ScanResult, Severity
from secsdlc.signoff import audit, context, registry, release, sshsig, waiver_requests, waivers
from secsdlc.signoff.allowed_signers import AllowedSigners, same_principal
from secsdlc.signoff.sshsig import KeyFingerprint, PrivateKey


@dataclass(frozen=True, kw_only=True)
class Added:
    newcomer: KeyFingerprint
    signer: KeyFingerprint
    first: bool  # the registry's first version: CI must trust its signer


def add_correspondent(root: Path, principal: str, public_key: Path, signer_key: Path, *,
                      namespaces: Sequence[str] = (), project: str | None = None) -> Added:
    """Add `principal` with the key in `public_key`, signed and logged with `signer_key`."""
    from secsdlc.fileio import read_text
    from secsdlc.signoff import allowed_signers

    fields = read_text(public_key, "public key", limit=64 * 1024).split()
    if len(fields) < 2:
        raise UsageError(f"{public_key}: not an OpenSSH public key")
    try:
        newcomer = sshsig.SshPublicKey.parse(fields[0], fields[1])
    except sshsig.SignatureError as e:
        raise UsageError(f"{public_key}: {e}") from e
    current = registry.read_working(root)
    if current is not None and any(s.matches_principal(principal) and s.key == newcomer
                                   for s in current.signers):
        raise UsageError(f"{principal} with this key is already a correspondent")
    text = _registry_text(root)
    if text and not text.endswith("\n"):
        text += "\n"
    text += allowed_signers.format_line(principal, newcomer, tuple(namespaces) or None)
    key = context.load_key(signer_key)
    signer = registry.write_signed(root, text, key, project=project)
    actor = (context.principal_for(key, current, registry.NAMESPACE, None)
             if current is not None else principal)
    audit.append(root, action="correspondent-add", actor=actor, key=key,
                 data={"principal": principal, "key": newcomer.fingerprint})
    return Added(newcomer=newcomer.fingerprint, signer=signer.fingerprint, first=current is None)


def remove_correspondent(root: Path, principal: str, signer_key: Path) -> None:
    """Remove every registry line naming `principal`, signed and logged with `signer_key`."""
    current = registry.read_working(root)
    if current is None:
        raise UsageError(f"no registry at {root / registry.REGISTRY_FILE}")
    lines = _registry_text(root).splitlines(keepends=True)
    drop = {s.line for s in current.signers
            if any(same_principal(principal, p) for p in s.principals)}
    if not drop:
        raise UsageError(f"{principal} is not in {registry.REGISTRY_FILE}")
    kept = "".join(line for number, line in enumerate(lines, start=1) if number not in drop)
    key = context.load_key(signer_key)
    actor = context.principal_for(key, current, registry.NAMESPACE, None)
    registry.write_signed(root, kept, key)
    audit.append(root, action="correspondent-remove", actor=actor, key=key,
                 data={"principal": principal})


def registry_on_disk(root: Path) -> AllowedSigners | None:
    """The registry as it is in the working tree, unverified (a listing, never a decision)."""
    return registry.read_working(root)


def _registry_text(root: Path) -> str:
    path = root / registry.REGISTRY_FILE
    return path.read_text(encoding="utf-8") if path.exists() else ""


@dataclass(frozen=True, kw_only=True)
class OverrideSigned:
    config: str  # the configuration file that holds the override
    key: str  # the override's table, as the configuration names it
    signature: str


def sign_override(root: Path, config_path: Path | None, directory: str,
                  key_path: Path) -> OverrideSigned:
    """Sign the policy override for `directory` (a relaxation needs a correspondent's word)."""
    from secsdlc import config as config_mod
    from secsdlc.gate import policy

    path = config_path if config_path is not None else config_mod.find_config_file(root)
    table = config_mod.load(path, known_scanner_options={}).sections.get("policy", {})
    overrides = table.get("overrides", {}) if isinstance(table, dict) else {}
    body = overrides.get(directory) if isinstance(overrides, dict) else None
    if not isinstance(body, dict):
        raise UsageError(f"{path}: no policy override for {directory!r}")
    unsigned = {k: v for k, v in body.items() if k != "signature"}
    # Parse it as the gate will, so the signed bytes are exactly those it checks.
    parsed = policy.parse({**table, "overrides": {directory: {**unsigned,
                                                               "signature": "pending"}}},
                          source=str(path))
    override = next(o for o in parsed.overrides if o.key.endswith(f'"{directory}"'))
    key = context.load_key(key_path)
    principal = context.principal_for(key, registry.read_working(root), policy.POLICY_NAMESPACE,
                                      None)
    signed = policy.relaxation_bytes(context.signed_project(root), override)
    signature = sshsig.sign(key, signed, policy.POLICY_NAMESPACE)
    audit.append(root, action="override-sign", actor=principal, key=key,
                 data={"override": directory, "sha256": hashlib.sha256(signed).hexdigest()})
    return OverrideSigned(config=str(path), key=override.key, signature=signature)


@dataclass(frozen=True, kw_only=True)
class ConfigSigned:
    path: str  # the configuration file, relative to the root
    signature_file: str  # relative to the root
    version: int
    principal: str


def sign_config(root: Path, config_path: Path | None, key_path: Path) -> ConfigSigned:
    """Sign the configuration file as the next version enforce mode trusts."""
    from secsdlc import config as config_mod
    from secsdlc import trusted_config
    from secsdlc.signoff.files import atomic_write

    root = root.resolve()
    path = config_path if config_path is not None else config_mod.find_config_file(root)
    if path is None:
        raise UsageError(f"{root}: no .secsdlc.toml or [tool.secsdlc] in pyproject.toml to sign")
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"{path}: outside the project root {root}") from None
    table = trusted_config.table_of(rel, path.read_bytes())
    if table is None:
        raise UsageError(f"{path}: holds no readable secsdlc configuration")
    config_mod.parse(table, source=str(path), known_scanner_options={})  # bad values: exit 2
    key = context.load_key(key_path)
    principal = context.principal_for(key, registry.read_working(root),
                                      trusted_config.NAMESPACE, None)
    version = _last_config_version(root) + 1
    message = trusted_config.signed_bytes(
        repository=registry.repository_identity(root), version=version, path=rel,
        table=table)
    signature = sshsig.sign(key, message, trusted_config.NAMESPACE)
    target = root / trusted_config.SIGNATURE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, trusted_config.format_signature_file(rel, version, signature).encode())
    audit.append(root, action="policy-sign", actor=principal, key=key,
                 data={"file": rel, "version": version,
                       "sha256": hashlib.sha256(message).hexdigest()})
    return ConfigSigned(path=rel, signature_file=trusted_config.SIGNATURE_FILE, version=version,
                        principal=principal)


def _last_config_version(root: Path) -> int:
    """The highest version the signature file ever had, in the working tree or in git: a new
    signature must supersede every earlier one."""
    from secsdlc import trusted_config, vcs
    from secsdlc.errors import ConfigError

    blobs: list[bytes] = []
    disk = root / trusted_config.SIGNATURE_FILE
    if disk.is_file():
        blobs.append(disk.read_bytes())
    try:
        for _, read in trusted_config.committed_versions(root, trusted_config.SIGNATURE_FILE):
            blob = read(trusted_config.SIGNATURE_FILE)
            if blob is not None:
                blobs.append(blob)
    except vcs.VcsError:
        pass  # no history to supersede
    versions = [0]
    for blob in blobs:
        try:
            versions.append(trusted_config.parse_signature_file(blob, "")[1])
        except ConfigError:
            continue
    return max(versions)


def waiver_limits(root: Path, config_path: Path | None) -> Callable[[str], Mapping[Severity, int]]:
    """The policy's longest waiver per severity at a path, from the project's configuration."""
    from secsdlc import config as config_mod
    from secsdlc.gate import policy

    path = config_path if config_path is not None else config_mod.find_config_file(root)
    loaded = policy.load(config_mod.load(path, known_scanner_options={}))
    return lambda where: loaded.effective(where, Severity.HIGH).max_waiver_days


def request_waiver(root: Path, *, config_path: Path | None, sarif: Path,
                   fingerprints: Sequence[str], reason: str,
                   expires: datetime) -> waiver_requests.Requested:
    """Request a waiver for findings of the scan in `sarif`, as the git user, for the project
    the registry on disk is signed for."""
    from secsdlc.sarif.reader import read_sarif

    scan = read_sarif(sarif)
    limits = waiver_limits(root, config_path)
    return waiver_requests.request(
        root, scan=scan, scan_name=str(sarif), fingerprints=fingerprints, reason=reason,
        expires=expires, max_days=limits, requester=context.git_email(root),
        project=context.signed_project(root),
        now=datetime.now(timezone.utc).replace(microsecond=0))


@dataclass(frozen=True, kw_only=True)
class Review:
    waiver: waivers.Waiver
    shown: list[str]  # what the approver reads before signing
    key: PrivateKey
    principal: str


def review_waiver(root: Path, waiver_id: str, key_path: Path, principal: str | None) -> Review:
    """The pending waiver, what it covers, and who `key_path` signs it as."""
    key = context.load_key(key_path)
    who = context.principal_for(key, registry.read_working(root), waivers.NAMESPACE, principal)
    w, shown = waiver_requests.review(root, waiver_id)
    return Review(waiver=w, shown=shown, key=key, principal=who)


def approve_waiver(root: Path, review: Review) -> waivers.Waiver:
    return waiver_requests.approve(root, review.waiver, review.key, review.principal)


@dataclass(frozen=True, kw_only=True)
class WaiverList:
    statuses: list[waivers.WaiverStatus]
    broken: list[tuple[Path, str]]  # waiver files that do not parse, and why
    registry_problem: str = ""  # why the registry is not trusted, when waivers needed it


def list_waivers(root: Path, config_path: Path | None,
                 trust_root: Sequence[str]) -> WaiverList:
    """Every waiver's standing, checked as the gate checks it at the waiver's own severity."""
    from secsdlc.signoff import facade

    limits = waiver_limits(root, config_path)
    found, broken = waivers.load_all(root)
    who = facade.correspondents(root, tuple(trust_root)) if found else facade.Correspondents()
    statuses = facade.check_waivers(found, who, root, max_days_at=limits,
                                    now=datetime.now(timezone.utc), require_project=False)
    return WaiverList(statuses=statuses, broken=broken, registry_problem=who.problem)


def sign_release(result: ScanResult, root: Path, key_path: Path, principal: str | None, *,
                 note: bool, output: Path | None) -> release.Signoff:
    """Sign HEAD with `result`'s open findings: as a git note (`note`) and/or into `output`."""
    from secsdlc.fileio import write_atomic

    key = context.load_key(key_path)
    who = context.principal_for(key, registry.read_working(root), release.NAMESPACE, principal)
    signoff = release.create(result, root=root, key=key, principal=who,
                             project=context.signed_project(root),
                             now=datetime.now(timezone.utc).replace(microsecond=0))
    if note:
        release.write_note(root, signoff)
    if output is not None:
        write_atomic(output, signoff.to_json(), "--output")
    audit.append(root, action="release-signoff", actor=who, key=key,
                 data={"commit": signoff.commit, "open": len(signoff.open)})
    return signoff


@dataclass(frozen=True, kw_only=True)
class AuditCheck:
    problem: str = ""  # why the log is not to be trusted; "" when intact
    entries: int = 0
    signed: int = 0
    anchored_commits: int = 0
    signers_checked: bool = False  # signed entries are by correspondents of the registry


def verify_audit(root: Path, trust_root: Sequence[str], *, use_git: bool) -> AuditCheck:
    """The audit log's links, signatures and git history; with a trust root (or
    $SECSDLC_TRUST_ROOT) its signers must be correspondents of the verified registry."""
    from secsdlc.signoff import facade

    trust = context.trust_root(trust_root)
    keys = None
    if trust:
        verified = facade.verified_correspondents(root, trust)
        if verified.problem:
            return AuditCheck(problem=f"audit log signers cannot be checked: registry NOT "
                                      f"trusted: {verified.problem}")
        keys = verified.ever
    try:
        report = audit.verify(root, use_git=use_git, correspondent_keys=keys)
    except audit.AuditError as e:
        return AuditCheck(problem=f"audit log NOT intact: {e}")
    return AuditCheck(entries=report.entries, signed=report.signed,
                      anchored_commits=report.anchored_commits, signers_checked=keys is not None)


@dataclass(frozen=True, kw_only=True)
class AuditEntry:
    id: str
    body: Mapping[str, Any]
    signature: str  # "signed" only once the signature verifies; "" for an unsigned entry


def audit_entries(root: Path) -> list[AuditEntry] | None:
    """The audit log in order, None when there is none; AuditError when it is not intact."""
    if not (root / audit.AUDIT_DIR).exists():
        return None
    return [AuditEntry(id=ident, body=body, signature=audit.signature_note(body))
            for ident, body in audit.ordered(audit.read_entries(root))]
