"""Requesting a waiver and approving one: what `secsdlc waiver request` and `approve` do.

A request is made from a scan's SARIF and records each finding it covers
(`secsdlc.signoff.coverage`); an approval first checks that what the request records is what its
fingerprints cover, shows it, and only then signs and logs it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from secsdlc.model import ScanResult, Severity
from secsdlc.sanitize import terminal
from secsdlc.signoff import audit, coverage, waivers
from secsdlc.signoff.allowed_signers import same_principal
from secsdlc.signoff.canonical import timestamp
from secsdlc.signoff.sshsig import PrivateKey


@dataclass(frozen=True, kw_only=True)
class Requested:
    waiver: waivers.Waiver
    saved: Path


def request(
    root: Path,
    *,
    scan: ScanResult,
    scan_name: str,
    fingerprints: Sequence[str],
    reason: str,
    expires: datetime,
    max_days: Callable[[str], Mapping[Severity, int]],
    requester: str,
    project: str,
    now: datetime,
) -> Requested:
    """Write a waiver request for findings of `scan` and log it.

    CoverageError (exit 2) names a fingerprint the scan does not hold or that its finding's code
    does not give; WaiverError one the policy does not allow for so long.
    """
    covered = coverage.from_sarif(scan, tuple(dict.fromkeys(fingerprints)), scan_name)
    severity = max((c.severity for c in covered), key=lambda s: s.rank)
    limit = waivers.over_limit(now, expires, severity, max_days(covered[0].path))
    if limit is not None:
        latest = (now + timedelta(days=limit)).date().isoformat()
        raise waivers.WaiverError(
            f"--expires {expires.date().isoformat()}: the policy allows at most {limit} days "
            f"for a {severity.value} finding in {covered[0].path} (latest {latest})")
    w = waivers.new_waiver(project=project, covered=covered, reason=reason, requester=requester,
                           created=now, expires=expires)
    saved = waivers.save(root, w)
    audit.append(root, action="waiver-request", actor=requester,
                 data={"waiver": w.id, "fingerprints": list(w.fingerprints), "rule": w.rule,
                       "path": w.path, "expires": timestamp(expires)})
    return Requested(waiver=w, saved=saved)


def review(root: Path, waiver_id: str) -> tuple[waivers.Waiver, list[str]]:
    """The pending waiver and what its approver must read before signing.

    WaiverError (exit 2) when it cannot be signed: edited after the request, made before
    requests recorded their findings, or recording findings its fingerprints do not cover.
    """
    w = waivers.load(waivers.path_for(root, waiver_id))
    if waivers.content_id(w.request_content()) != w.id:
        raise waivers.WaiverError(f"{w.source}: content does not match its id (edited after "
                                  "request); refusing to sign")
    if w.version < waivers.FORMAT_VERSION:
        raise waivers.WaiverError(
            f"{w.source}: a version {w.version} request records no findings, only fingerprints, "
            "so what it covers cannot be shown; refusing to sign (request it again from a scan: "
            "secsdlc waiver request --sarif FILE ...)")
    problems = coverage.mismatches(w.covered, fingerprints=w.fingerprints, rule=w.rule,
                                   path=w.path, severity=w.severity)
    if problems:
        raise waivers.WaiverError(f"{w.source}: refusing to sign: {problems[0]}"
                                  + (f" (and {len(problems) - 1} more)" if len(problems) > 1
                                     else ""))
    header = [f"{w.id}: requested by {w.requester} on {w.created.date().isoformat()}, until "
              f"{w.expires.date().isoformat()}",
              f"  reason: {w.reason}",
              f"  covers {len(w.covered)} finding(s) of {w.rule} in {w.path}:"]
    return w, [terminal(line) for line in header] + coverage.describe(w.covered)


def approve(root: Path, w: waivers.Waiver, key: PrivateKey, principal: str) -> waivers.Waiver:
    """Sign a reviewed waiver as `principal` and log the approval with the same key."""
    if same_principal(principal, w.requester):
        raise waivers.WaiverError(f"{w.id} was requested by {w.requester}: a correspondent "
                                  "cannot approve their own waiver")
    approved = waivers.approve(w, key, principal)
    waivers.save(root, approved)
    audit.append(root, action="waiver-approve", actor=principal,
                 data={"waiver": w.id, "requester": w.requester}, key=key)
    return approved
