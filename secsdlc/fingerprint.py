"""secsdlc's own finding fingerprints (SARIF partialFingerprints "secsdlc/v1").

A fingerprint hashes what the finding is about, not where the file happens to sit: the rule, the
path relative to the scan root, and the normalized text of the flagged line. Adding lines above
leaves it unchanged; two identical findings in one file are told apart by their order of
occurrence; the checkout's absolute path never enters. Secrets are redacted from the snippet
before it gets here, so a fingerprint cannot be brute-forced back into a credential.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from secsdlc.model import Finding, Fingerprint

KEY = "secsdlc/v1"


def basis(finding: Finding) -> str:
    first = finding.snippet.splitlines()[0] if finding.snippet else ""
    return " ".join(first.split())


def compute(rule_id: str, path: str, line_text: str, occurrence: int) -> Fingerprint:
    digest = hashlib.sha256(
        "\0".join((KEY, rule_id, path, line_text, str(occurrence))).encode("utf-8")
    ).hexdigest()
    return Fingerprint(digest[:32])


def assign(findings: Iterable[Finding]) -> list[Finding]:
    ordered = sorted(findings, key=lambda f: (f.location.path, f.location.start_line,
                                              f.location.start_column, f.rule_id))
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in ordered:
        key = (f.rule_id, f.location.path, basis(f))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append(replace(f, fingerprint=compute(f.rule_id, f.location.path, key[2],
                                                  occurrence)))
    return out
