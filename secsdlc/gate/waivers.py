"""Apply checked waivers to findings: a waived finding stays in the result, with a suppression.

A waiver applies to a finding only if it is approved (see signoff.waivers.check) and its
fingerprints, rule and path all match the finding, and it is no longer than the policy allows for
the finding's actual severity where the finding is. When a waiver on file does not apply, the reason
is kept per fingerprint so that a blocked finding can say why its waiver did not count.

External suppressions already present in the input (a SARIF file handed to `secsdlc gate`) are
dropped first: only a waiver that verifies now may waive, never a claim that one did before.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta

from secsdlc import derogations
from secsdlc.gate.policy import Rules
from secsdlc.model import Finding, ScannerRun, ScanResult, Suppression
from secsdlc.signoff.canonical import timestamp
from secsdlc.signoff.waivers import WaiverStatus


@dataclass(frozen=True, kw_only=True)
class Applied:
    result: ScanResult
    waived: int
    # fingerprint -> why each waiver on file for it did not apply
    rejected: Mapping[str, tuple[str, ...]]


def apply(
    result: ScanResult,
    statuses: Iterable[WaiverStatus],
    rules_at: Callable[[str], Rules],
) -> Applied:
    index: dict[str, list[WaiverStatus]] = {}
    # One (immutable) suppression per usable waiver, shared by all the findings it covers.
    suppressions: dict[str, Suppression] = {}
    for status in statuses:
        if status.usable:
            suppressions[status.waiver.id] = _suppression(status)
        for fp in status.waiver.fingerprints:
            index.setdefault(fp, []).append(status)
    rejected: dict[str, tuple[str, ...]] = {}
    waived = 0
    runs = []
    for run in result.runs:
        findings: list[Finding] = []
        changed = False
        for finding in run.findings:
            if any(x.kind == "external" for x in finding.suppressions):
                finding = _with_suppressions(finding, tuple(
                    x for x in finding.suppressions if x.kind != "external"))
                changed = True
            candidates = index.get(finding.fingerprint)
            if candidates:
                suppression, reasons = _match(finding, candidates, rules_at, suppressions)
                if suppression is not None:
                    finding = _with_suppressions(finding, (*finding.suppressions, suppression))
                    waived += 1
                    changed = True
                elif reasons:
                    rejected[finding.fingerprint] = tuple(reasons)
            findings.append(finding)
        runs.append(replace(run, findings=tuple(findings)) if changed else run)
    runs = _waive_reports_of_waived(runs, suppressions, index)
    return Applied(result=replace(result, runs=tuple(runs)), waived=waived, rejected=rejected)


def _waive_reports_of_waived(runs: list[ScannerRun], suppressions: Mapping[str, Suppression],
                             index: Mapping[str, list[WaiverStatus]]) -> list[ScannerRun]:
    """An unapproved inline suppression is approved by the waiver of the finding it hides."""
    waived: dict[str, Suppression] = {}
    for run in runs:
        for f in run.findings:
            for s in f.suppressions:
                if s.kind == "external" and s.properties.get("waiver-id") in suppressions:
                    waived[f.fingerprint] = s
    if not waived:
        return runs
    out = []
    for run in runs:
        findings = []
        for f in run.findings:
            approval = derogations.waived_with(f, waived)
            findings.append(_with_suppressions(f, (*f.suppressions, approval)) if approval
                            else f)
        out.append(replace(run, findings=tuple(findings)))
    return out


def _match(
    finding: Finding,
    candidates: list[WaiverStatus],
    rules_at: Callable[[str], Rules],
    suppressions: Mapping[str, Suppression],
) -> tuple[Suppression | None, list[str]]:
    reasons: list[str] = []
    for status in candidates:
        w = status.waiver
        if not status.usable:
            reasons.append(f"waiver {w.id} is {status.status}: {status.why}")
            continue
        if w.rule != finding.rule_id:
            reasons.append(f"waiver {w.id} is for rule {w.rule}, the finding is "
                           f"{finding.rule_id} (replayed to another finding?)")
            continue
        if w.path != finding.location.path:
            reasons.append(f"waiver {w.id} is for {w.path}, the finding is in "
                           f"{finding.location.path} (replayed to another finding?)")
            continue
        limit = rules_at(finding.location.path).max_waiver_days.get(finding.severity)
        if limit is not None and w.expires - w.created > timedelta(days=limit):
            reasons.append(f"waiver {w.id} lasts longer than the {limit} days the policy allows "
                           f"for a {finding.severity.value} finding in {finding.location.path}")
            continue
        return suppressions[w.id], reasons
    return None, reasons


def _with_suppressions(finding: Finding, suppressions: tuple[Suppression, ...]) -> Finding:
    """`replace(finding, suppressions=...)` without re-running __init__ over 18 fields.

    The gate does this for up to every finding; a shallow copy whose one field is set before
    anyone else sees it is equivalent and several times faster.
    """
    new = copy.copy(finding)
    object.__setattr__(new, "suppressions", suppressions)
    return new


def _suppression(status: WaiverStatus) -> Suppression:
    w = status.waiver
    return Suppression(
        kind="external",
        status="accepted",
        justification=w.reason,
        properties={"approver": status.approver, "expires": timestamp(w.expires),
                    "waiver-id": w.id},
    )
