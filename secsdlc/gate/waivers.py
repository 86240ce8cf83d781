"""Apply checked waivers to findings: a waived finding stays in the result, with a suppression.

A waiver applies to a finding only if it is approved (see signoff.waivers.check), its
fingerprints, rule and path all match the finding, the finding is no more severe than the waiver
accepted, and the waiver is no longer than the policy allows for the finding's actual severity
where the finding is. A version 1 waiver names findings by their first line only: each of its
fingerprints is re-keyed to the one current finding it names (fingerprint.rekey), with a warning,
or is stale and waives nothing. When a waiver on file does not apply, the reason
is kept per fingerprint so that a blocked finding can say why its waiver did not count.

External suppressions already present in the input (a SARIF file handed to `secsdlc gate`) are
dropped first: only a waiver that verifies now may waive, never a claim that one did before.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from secsdlc import derogations, fingerprint
from secsdlc.gate.policy import Rules
from secsdlc.model import Finding, ScannerRun, ScanResult, Suppression
from secsdlc.signoff.facade import FIRST_LINE_VERSION, WaiverStatus, over_limit, timestamp


@dataclass(frozen=True, kw_only=True)
class Applied:
    result: ScanResult
    waived: int
    # fingerprint -> why each waiver on file for it did not apply
    rejected: Mapping[str, tuple[str, ...]]
    warnings: tuple[str, ...] = ()


def apply(
    result: ScanResult,
    statuses: Iterable[WaiverStatus],
    rules_at: Callable[[str], Rules],
) -> Applied:
    statuses = list(statuses)
    index: dict[str, list[WaiverStatus]] = {}
    # One (immutable) suppression per usable waiver, shared by all the findings it covers.
    suppressions: dict[str, Suppression] = {}
    warnings: list[str] = []
    first_line = [s for s in statuses if s.waiver.version == FIRST_LINE_VERSION]
    rekeyed = fingerprint.rekey({fp for s in first_line for fp in s.waiver.fingerprints},
                                result.findings) if first_line else None
    for status in statuses:
        w = status.waiver
        if status.usable:
            suppressions[w.id] = _suppression(status)
        for fp in w.fingerprints:
            if rekeyed is not None and w.version == FIRST_LINE_VERSION:
                match = rekeyed.keys.get(fp)
                if status.usable:
                    warnings.append(_rekey_warning(w.id, w.rule, w.path, fp, match))
                if match is None:
                    continue
                fp = match.fingerprint
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
    return Applied(result=replace(result, runs=tuple(runs)), waived=waived, rejected=rejected,
                   warnings=tuple(warnings))


def _rekey_warning(waiver_id: str, rule: str, path: str, old: str,
                   match: Finding | None) -> str:
    where = f"waiver {waiver_id} ({rule} in {path}) names {old} by its first line only"
    if match is None:
        return (f"{where}: no single current finding has that first line, so it is stale and "
                f"waives nothing; request a new waiver")
    return (f"{where}: it covers {match.fingerprint} ({match.location.path}:"
            f"{match.location.start_line}) as the code is now; a correspondent should renew it "
            f"before it expires")


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
        limit = over_limit(w.created, w.expires, finding.severity,
                           rules_at(finding.location.path).max_waiver_days)
        if limit is not None:
            reasons.append(f"waiver {w.id} lasts longer than the {limit} days the policy allows "
                           f"for a {finding.severity.value} finding in {finding.location.path}")
            continue
        if finding.severity.rank > w.severity.rank:
            reasons.append(f"waiver {w.id} accepted a {w.severity.value} finding, this one is "
                           f"{finding.severity.value}")
            continue
        return suppressions[w.id], reasons
    return None, reasons


def _with_suppressions(finding: Finding, suppressions: tuple[Suppression, ...]) -> Finding:
    """`replace(finding, suppressions=...)` without re-running __init__ over every field.

    The gate does this for up to every finding (benchmarks/bench_gate.py); a shallow copy whose
    one field is set before anyone else sees it is equivalent.
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
