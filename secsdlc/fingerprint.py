"""secsdlc's own finding fingerprints (SARIF partialFingerprints "secsdlc/v2" and "secsdlc/v1").

The fingerprint that decides (`KEY`: waivers, baselines, diff-aware scans, release sign-offs)
covers what a reviewer judged: the rule, the path relative to the scan root, every line of the
flagged region with whitespace normalised (re-indenting changes nothing, editing any line of a
multi-line finding does), and the order of occurrence that tells identical findings in one file
apart. A region longer than the snippet a report shows is covered by a digest of its whole text
(`REGION`, computed where the source is read). The checkout's absolute path never enters. Secrets
are redacted from the text before it gets here, so a fingerprint cannot be brute-forced back into
a credential.

The looser lifecycle key (`LIFECYCLE_KEY`: rule, path, first line, occurrence) follows a finding
across edits of its other lines in the remediation history. It never decides that a finding may
pass; it is also the key baselines and waivers made before `KEY` existed were written with, which
`rekey` maps, one to one, onto today's findings.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from secsdlc import suppress
from secsdlc.model import Finding, Fingerprint

KEY = "secsdlc/v2"
LIFECYCLE_KEY = "secsdlc/v1"
# finding property: digest of the whole flagged region when the snippet holds only its start
REGION = "region-sha256"


def normalised(text: str) -> str:
    # a comment naming the waiver that accepts the finding is written after the waiver exists
    return " ".join(suppress.WAIVER_COMMENT.sub("", text).split())


def first_line(finding: Finding) -> str:
    return normalised(finding.snippet.splitlines()[0]) if finding.snippet else ""


def region(finding: Finding) -> str:
    """What the decision key covers of the finding's text: every line of the snippet, and the
    digest of the whole region when the snippet is shorter than it."""
    text = normalised(finding.snippet)
    digest = finding.properties.get(REGION)
    return f"{text}\0{digest}" if digest else text


def region_digest(lines: Iterable[str]) -> str:
    return hashlib.sha256(normalised("\n".join(lines)).encode("utf-8")).hexdigest()


def compute(rule_id: str, path: str, text: str, occurrence: int, *,
            key: str = KEY) -> Fingerprint:
    digest = hashlib.sha256(
        "\0".join((key, rule_id, path, text, str(occurrence))).encode("utf-8")
    ).hexdigest()
    return Fingerprint(digest[:32])


def assign(findings: Iterable[Finding], *, decision: bool = True) -> list[Finding]:
    """Both keys for every finding (only the lifecycle key with `decision` false: a SARIF file's
    own fingerprints are kept); occurrences are counted in file order, separately for each key,
    so that two findings never share either."""
    ordered = sorted(findings, key=lambda f: (f.location.path, f.location.start_line,
                                              f.location.start_column, f.rule_id))
    strict: Counter[tuple[str, str, str]] = Counter()
    loose: Counter[tuple[str, str, str]] = Counter()
    out = []
    for f in ordered:
        text, first = region(f), first_line(f)
        k_strict, k_loose = (f.rule_id, f.location.path, text), (f.rule_id, f.location.path,
                                                                 first)
        out.append(replace(
            f, fingerprint=compute(f.rule_id, f.location.path, text, strict[k_strict])
            if decision else f.fingerprint,
            lifecycle_key=compute(f.rule_id, f.location.path, first, loose[k_loose],
                                  key=LIFECYCLE_KEY)))
        strict[k_strict] += 1
        loose[k_loose] += 1
    return out


def risen(finding: Finding, before: Finding) -> bool:
    """The same finding judged worse than when it was accepted."""
    return finding.severity.rank > before.severity.rank


@dataclass(frozen=True, kw_only=True)
class Rekeyed:
    keys: Mapping[str, Finding]  # old key -> the one finding it now names
    stale: tuple[str, ...]  # old keys that name no finding, or not exactly one


def rekey(old_keys: Iterable[str], findings: Iterable[Finding]) -> Rekeyed:
    """Map lifecycle keys written before the decision key existed onto today's findings.

    An old key is re-keyed only when it is the lifecycle key of a finding that is the only one of
    its rule and path with that first line: where several share a first line, their order of
    occurrence may have moved, so which one was accepted is not known and the key is stale.
    Never widened: each old key names at most one finding, and stale keys name none.
    """
    candidates = [f for f in findings if f.baseline_state != "absent"]
    shared = Counter((f.rule_id, f.location.path, first_line(f)) for f in candidates)
    by_lifecycle = {f.lifecycle_key: f for f in candidates
                    if shared[(f.rule_id, f.location.path, first_line(f))] == 1}
    keys: dict[str, Finding] = {}
    stale: list[str] = []
    for old in old_keys:
        match = by_lifecycle.get(Fingerprint(old))
        if match is None:
            stale.append(old)
        else:
            keys[old] = match
    return Rekeyed(keys=keys, stale=tuple(stale))
