"""A SARIF document as history records it: an ImportedScan, read by `secsdlc.sarif.reader`.

The reader checks everything before anything is stored: a malformed document raises its
SarifError naming the file and the JSON path, so a half-understood scan never reaches history.
What is history's own is here: the key a result is kept under across scans (ours, else the tool's
own fingerprints, else the flagged code), and what is withheld from storage (secrets).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from secsdlc.fingerprint import LIFECYCLE_KEY as OUR_FINGERPRINT_KEY
from secsdlc.history.interface import (
    Digest,
    Disposition,
    HistoryFingerprint,
    ImportedFinding,
    ImportedScan,
)
from secsdlc.redaction import CREDENTIAL_CWES, mask_literals
from secsdlc.sarif import reader, terms

# semgrep without a login writes this constant instead of a real fingerprint.
_PLACEHOLDER_FINGERPRINTS = frozenset({"requires login"})
_SECRET_WORDS = re.compile(
    r"secret|gitleaks|trufflehog|credential|password|passwd|api[-_ ]?key|token|private[-_ ]?key",
    re.IGNORECASE,
)
WITHHELD = "[snippet withheld: possible secret]"


def load_file(path: Path) -> ImportedScan:
    return imported(reader.read_log(path))


def parse_bytes(raw: bytes, *, source: str) -> ImportedScan:
    return imported(reader.parse_log(raw, source=source))


def imported(log: reader.SarifLog) -> ImportedScan:
    """The scan a SARIF document records; results of one identity collapse into one finding."""
    merged: dict[HistoryFingerprint, ImportedFinding] = {}
    absent = 0
    for read in log.results:
        if read.finding.baseline_state == "absent":
            absent += 1
            continue
        finding = _finding(read)
        previous = merged.get(finding.fingerprint)
        merged[finding.fingerprint] = finding if previous is None else _merge(previous, finding)
    runs = log.scan.runs
    return ImportedScan(
        source=log.source,
        digest=Digest(log.digest),
        tools=tuple(dict.fromkeys(run.tool.name for run in runs)),
        findings=tuple(merged.values()),
        started_at=log.started_at,
        commit=log.commit,
        branch=log.branch,
        gate_passed=log.gate_passed,
        # no run at all is no scan: nothing is known about any finding
        runs_failed=not runs or any(not run.succeeded for run in runs),
        skipped_absent=absent,
    )


def _finding(read: reader.ReadResult) -> ImportedFinding:
    f = read.finding
    message, snippet = f.message, f.snippet
    if _looks_secret(read):
        snippet = WITHHELD if snippet else ""
        message = mask_literals(message)
    disposition, justification, approver, expires = Disposition.OPEN, "", "", None
    for s in f.suppressions:
        if s.status != "accepted":
            continue
        if s.kind == "external":
            # A waiver outranks an in-source comment: it carries an approver and an expiry.
            disposition, justification = Disposition.WAIVED, s.justification
            approver = s.properties.get("approver", "")
            expires = terms.parse_time(s.properties["expires"]) \
                if "expires" in s.properties else None
            break
        if disposition is Disposition.OPEN:
            disposition, justification = Disposition.SUPPRESSED, s.justification
    return ImportedFinding(
        fingerprint=_key(read),
        rule_id=f.rule_id,
        tool=read.tool,
        severity=f.severity,
        message=message,
        path=f.location.path,
        start_line=f.location.start_line,
        snippet=snippet,
        cwe=f.cwe,
        owasp_2025=f.owasp_2025,
        owasp_2021=f.owasp_2021,
        help_uri=f.help_uri,
        disposition=disposition,
        justification=justification,
        waiver_approver=approver,
        waiver_expires=expires,
    )


def _key(read: reader.ReadResult) -> HistoryFingerprint:
    """What identifies a result across scans: ours, else the tool's own fingerprints, else the
    flagged code (whitespace-insensitive: re-indenting must not make an old finding look new)."""
    f = read.finding
    for name, bag in (("partialFingerprints", read.partial_fingerprints),
                      ("fingerprints", read.fingerprints)):
        ours = bag.get(OUR_FINGERPRINT_KEY)
        if ours:
            return HistoryFingerprint(ours)
        usable = sorted((k, v) for k, v in bag.items() if v not in _PLACEHOLDER_FINGERPRINTS)
        if usable:
            return _hash(name, read.tool, f.rule_id, *(f"{k}={v}" for k, v in usable))
    anchor = " ".join(f.snippet.split()) if f.snippet else read.region
    return _hash("derived", read.tool, f.rule_id, f.location.path, anchor)


def _merge(a: ImportedFinding, b: ImportedFinding) -> ImportedFinding:
    open_wins = Disposition.OPEN in (a.disposition, b.disposition)
    return replace(
        a,
        count=a.count + b.count,
        severity=a.severity if a.severity.at_least(b.severity) else b.severity,
        disposition=Disposition.OPEN if open_wins else a.disposition,
    )


def _hash(*parts: str) -> HistoryFingerprint:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return HistoryFingerprint(h.hexdigest()[:32])


def _looks_secret(read: reader.ReadResult) -> bool:
    if CREDENTIAL_CWES.intersection(read.finding.cwe):
        return True
    tags = " ".join(terms.strings(read.rule_properties.get("tags")))
    return bool(_SECRET_WORDS.search(f"{read.tool} {read.finding.rule_id} {tags}"))
