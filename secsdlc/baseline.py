"""Baseline files: the findings a team has accepted as they are, to block only on new ones.

Keyed by fingerprint and sorted, with neither line numbers nor timestamps: an unrelated edit or a
second branch creating its own baseline changes nothing in the file, so it does not conflict on
every merge.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from secsdlc import fileio
from secsdlc.errors import SecsdlcError
from secsdlc.model import (
    Confidence,
    Finding,
    Fingerprint,
    Location,
    RuleId,
    ScannerName,
    ScanResult,
    Severity,
)

FORMAT = 1


class BaselineError(SecsdlcError):
    pass


def dumps(result: ScanResult) -> str:
    entries = {
        f.fingerprint: {"rule": f.rule_id, "path": f.location.path, "scanner": f.scanner,
                        "severity": f.severity.value}
        for f in result.findings
        if f.baseline_state != "absent"
    }
    doc = {"secsdlc-baseline": FORMAT, "findings": dict(sorted(entries.items()))}
    return json.dumps(doc, indent=2, sort_keys=True) + "\n"


def load(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists() and not path.is_symlink():
        raise BaselineError(f"{path}: baseline file not found "
                            f"(create it with: secsdlc baseline create -o {path})")
    try:
        doc = fileio.load_json(path, "--baseline")
    except fileio.InputError as e:
        raise BaselineError(str(e)) from None
    if not isinstance(doc, dict) or doc.get("secsdlc-baseline") != FORMAT:
        raise BaselineError(f"{path}: not a secsdlc baseline (format {FORMAT})")
    findings = doc.get("findings")
    if not isinstance(findings, dict):
        raise BaselineError(f"{path}: 'findings' must be an object keyed by fingerprint")
    for fp, entry in findings.items():
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("rule", "path")):
            raise BaselineError(f"{path}: entry {fp!r} needs string 'rule' and 'path'")
    return findings


def apply(result: ScanResult, entries: Mapping[str, Mapping[str, str]]) -> ScanResult:
    """Mark findings in the baseline unchanged, the others new; add the fixed ones as absent."""
    seen: set[str] = set()
    scanned = set(result.scanned)
    runs = []
    for run in result.runs:
        findings = []
        for f in run.findings:
            if f.baseline_state == "absent":
                findings.append(f)
                continue
            seen.add(f.fingerprint)
            entry = entries.get(f.fingerprint)
            if entry is not None and _risen(f, entry):
                # the same place, now judged worse: what was accepted was the lower severity
                state = "updated"
            else:
                # a diff-aware scan may already have called it unchanged: keep the stronger claim
                known = entry is not None
                state = "unchanged" if known or f.baseline_state == "unchanged" else "new"
            findings.append(replace(f, baseline_state=state))
        findings += [_absent(fp, e) for fp, e in sorted(entries.items())
                     if fp not in seen and e.get("scanner", run.tool.name) == run.tool.name
                     and e["path"] in scanned]
        runs.append(replace(run, findings=tuple(findings)))
    return replace(result, runs=tuple(runs))


def _risen(finding: Finding, entry: Mapping[str, str]) -> bool:
    try:
        before = Severity.parse(entry.get("severity", ""))
    except ValueError:
        return True  # no readable severity on record: nothing lower was accepted
    return finding.severity.rank > before.rank


def _absent(fp: str, entry: Mapping[str, str]) -> Finding:
    try:
        severity = Severity.parse(entry.get("severity", "medium"))
    except ValueError:
        severity = Severity.MEDIUM
    return Finding(
        rule_id=RuleId(entry["rule"]),
        scanners=(ScannerName(entry.get("scanner", "unknown")),),
        message=f"Fixed since the baseline: {entry['rule']} is no longer reported here.",
        severity=severity, confidence=Confidence.HIGH,
        location=Location(path=entry["path"], start_line=1), fingerprint=Fingerprint(fp),
        baseline_state="absent")
