"""Baseline files: the findings a team has accepted as they are, to block only on new ones.

Keyed by fingerprint and sorted, with neither line numbers nor timestamps: an unrelated edit or a
second branch creating its own baseline changes nothing in the file, so it does not conflict on
every merge. Format 2 is keyed by the fingerprint that covers the whole flagged region; a format 1
file (keyed by the first line only) is not applied, and `migrate` re-keys it once, one to one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from secsdlc import fileio, fingerprint
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

FORMAT = 2
# keyed by fingerprint.LIFECYCLE_KEY: what every baseline was before FORMAT 2
FIRST_LINE_FORMAT = 1


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
    """A format 2 baseline's entries by fingerprint."""
    found, entries = read(path)
    if found == FIRST_LINE_FORMAT:
        raise BaselineError(
            f"{path}: baseline format 1 keys findings by their first line only and would pass a "
            f"finding whose other lines changed; re-key it once with: secsdlc baseline migrate "
            f"--baseline {path}")
    return entries


def digest(data: bytes) -> str:
    """What the configuration's `baseline-sha256` names: the SHA-256 of the baseline file."""
    return hashlib.sha256(data).hexdigest()


def untrusted(path: Path, root: Path, digests: frozenset[str]) -> str | None:
    """Enforce mode: why the baseline file at `path` must not count, None when it may.

    A baseline in the repository is written by whoever writes the commit (`baseline create`
    accepts every finding of the moment), so it counts only when the trusted configuration names
    its content (`baseline-sha256`); one outside the repository is the CI job's own, as trusted as
    its command line.
    """
    from secsdlc import vcs

    places = [root.resolve()]
    top = vcs.top(root)
    if top is not None:
        places.append(top)
    named = Path(os.path.abspath(path))
    if not any(_within(p, place) for p in (named, path.resolve()) for place in places):
        return None
    try:
        named_by = digest(path.read_bytes())
    except OSError as e:
        return f"enforce mode: baseline {path} cannot be read ({e.strerror}) and is ignored"
    if named_by in digests:
        return None
    return (f"enforce mode: baseline {path} is a repository file whose content the signed "
            f"configuration does not name; it is ignored and every finding is judged; to accept "
            f"it, a correspondent adds baseline-sha256 = \"{named_by}\" to the configuration and "
            f"signs it: secsdlc policy sign --key KEY (docs/signoff.md)")


def _within(path: Path, directory: Path) -> bool:
    return path == directory or directory in path.parents


def read(path: Path) -> tuple[int, dict[str, dict[str, str]]]:
    """(format, entries by key) of a baseline file of either format."""
    if not path.exists() and not path.is_symlink():
        raise BaselineError(f"{path}: baseline file not found "
                            f"(create it with: secsdlc baseline create -o {path})")
    try:
        doc = fileio.load_json(path, "--baseline")
    except fileio.InputError as e:
        raise BaselineError(str(e)) from None
    found = doc.get("secsdlc-baseline") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or found not in (FORMAT, FIRST_LINE_FORMAT):
        raise BaselineError(f"{path}: not a secsdlc baseline (format {FORMAT})")
    findings = doc.get("findings")
    if not isinstance(findings, dict):
        raise BaselineError(f"{path}: 'findings' must be an object keyed by fingerprint")
    for fp, entry in findings.items():
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("rule", "path")):
            raise BaselineError(f"{path}: entry {fp!r} needs string 'rule' and 'path'")
    return int(found), findings


@dataclass(frozen=True, kw_only=True)
class Migrated:
    text: str  # the format 2 file
    rekeyed: tuple[Finding, ...]  # the finding each old entry now names
    stale: tuple[tuple[str, Mapping[str, str]], ...]  # (old key, entry) naming no one finding


def migrate(entries: Mapping[str, Mapping[str, str]], result: ScanResult) -> Migrated:
    """Re-key a format 1 baseline onto today's findings, one to one (see fingerprint.rekey).

    Each re-keyed entry keeps the severity it was accepted at, so a finding that rose since still
    blocks; entries that name no finding, or not exactly one, are dropped and listed as stale.
    """
    mapped = fingerprint.rekey(entries, result.findings)
    rekeyed = {old: f for old, f in mapped.keys.items()
               if f.rule_id == entries[old]["rule"] and f.location.path == entries[old]["path"]}
    kept = {f.fingerprint: {**entries[old], "rule": f.rule_id, "path": f.location.path}
            for old, f in rekeyed.items()}
    doc = {"secsdlc-baseline": FORMAT, "findings": dict(sorted(kept.items()))}
    return Migrated(text=json.dumps(doc, indent=2, sort_keys=True) + "\n",
                    rekeyed=tuple(rekeyed.values()),
                    stale=tuple((old, entries[old]) for old in sorted(entries)
                                if old not in rekeyed))


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
