"""What a waiver covers, as the correspondent judges it: each finding's rule, file, lines,
severity, message and code, recorded in the request from the scan that found it.

A fingerprint is a digest: an approver cannot read it. So a request records, for each fingerprint,
the finding it names, taken from a SARIF file, and only when the fingerprint is the one the
finding's own rule, path and code give (`fingerprint.compute`): a fingerprint computed offline for
a line not yet written, or one pasted beside another finding's code, names nothing the approver
could see, and is refused. `secsdlc waiver approve` checks the same again on the recorded text
before showing it and signing, so an edited request is refused too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from secsdlc import fingerprint
from secsdlc.errors import UsageError
from secsdlc.model import Finding, ScanResult, Severity
from secsdlc.sanitize import terminal

# A diff-aware scan's SARIF may leave out earlier occurrences of the same code: the occurrence a
# fingerprint was computed with is searched up to this many.
MAX_OCCURRENCE = 10_000
# lines of a recorded snippet shown to the approver (the fingerprint covers all of it)
SHOWN_LINES = 12


class CoverageError(UsageError):
    """A fingerprint names no finding the request could record; the message names it."""


@dataclass(frozen=True, kw_only=True)
class Covered:
    """One finding a waiver covers, as recorded in the request (and signed with it)."""

    fingerprint: str
    rule: str
    path: str
    start_line: int
    end_line: int
    severity: Severity
    message: str
    snippet: str  # as the scan wrote it: secrets already redacted
    region_sha256: str  # digest of the whole region when the snippet shows only its start
    occurrence: int  # which of identical findings in the file, in file order

    def to_dict(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "rule": self.rule, "path": self.path,
                "start_line": self.start_line, "end_line": self.end_line,
                "severity": self.severity.value, "message": self.message,
                "snippet": self.snippet, "region_sha256": self.region_sha256,
                "occurrence": self.occurrence}

    def computed_fingerprint(self) -> str:
        """The fingerprint this rule, path, code and occurrence give."""
        text = fingerprint.normalised(self.snippet)
        if self.region_sha256:
            text = f"{text}\0{self.region_sha256}"
        return fingerprint.compute(self.rule, self.path, text, self.occurrence)


_FIELDS: Mapping[str, type] = {"fingerprint": str, "rule": str, "path": str, "start_line": int,
                               "end_line": int, "severity": str, "message": str, "snippet": str,
                               "region_sha256": str, "occurrence": int}


def from_dict(data: Any, where: str) -> Covered:
    """One recorded finding; ValueError naming the field when it is malformed."""
    if not isinstance(data, dict) or set(data) != set(_FIELDS):
        raise ValueError(f"{where}: a covered finding holds exactly "
                         f"{', '.join(sorted(_FIELDS))}")
    for key, kind in _FIELDS.items():
        if type(data[key]) is not kind:
            raise ValueError(f"{where}.{key}: must be {'an integer' if kind is int else 'text'}")
    if data["start_line"] < 1 or data["end_line"] < data["start_line"] or data["occurrence"] < 0:
        raise ValueError(f"{where}: lines {data['start_line']}-{data['end_line']}, occurrence "
                         f"{data['occurrence']}: not a region of a file")
    try:
        severity = Severity.parse(data["severity"])
    except ValueError as e:
        raise ValueError(f"{where}.severity: {e}") from None
    return Covered(fingerprint=data["fingerprint"], rule=data["rule"], path=data["path"],
                   start_line=data["start_line"], end_line=data["end_line"], severity=severity,
                   message=data["message"], snippet=data["snippet"],
                   region_sha256=data["region_sha256"], occurrence=data["occurrence"])


def of_finding(finding: Finding) -> Covered | None:
    """The record of a finding, when its fingerprint is the one its own content gives."""
    start = finding.location.start_line
    draft = Covered(fingerprint=finding.fingerprint, rule=finding.rule_id,
                    path=finding.location.path, start_line=start,
                    end_line=max(start, finding.location.end_line or start),
                    severity=finding.severity, message=finding.message,
                    snippet=finding.snippet,
                    region_sha256=finding.properties.get(fingerprint.REGION, ""), occurrence=0)
    for occurrence in range(MAX_OCCURRENCE):
        candidate = replace(draft, occurrence=occurrence)
        if candidate.computed_fingerprint() == finding.fingerprint:
            return candidate
    return None


def from_sarif(result: ScanResult, fingerprints: Sequence[str], source: str) -> list[Covered]:
    """The findings `fingerprints` name in a scan; CoverageError names any it does not hold, or
    whose fingerprint is not made from the finding's own code."""
    found: dict[str, Finding] = {}
    for f in result.findings:
        found.setdefault(f.fingerprint, f)
    missing = [fp for fp in fingerprints if fp not in found]
    if missing:
        raise CoverageError(f"{source}: no finding with fingerprint {', '.join(missing)} (a "
                            "waiver covers only findings of the scan it is requested from)")
    covered: list[Covered] = []
    for fp in fingerprints:
        record = of_finding(found[fp])
        if record is None:
            raise CoverageError(
                f"{source}: fingerprint {fp} is not the one its finding's rule, path and code "
                f"give ({found[fp].rule_id} at {found[fp].location.path}:"
                f"{found[fp].location.start_line}): scan the code again and request from that "
                "SARIF")
        covered.append(record)
    rules = {c.rule for c in covered}
    paths = {c.path for c in covered}
    if len(rules) > 1 or len(paths) > 1:
        raise CoverageError("one waiver covers findings of one rule in one file: found rules "
                            f"{', '.join(sorted(rules))} in {', '.join(sorted(paths))}")
    return covered


def mismatches(covered: Sequence[Covered], *, fingerprints: Iterable[str], rule: str, path: str,
               severity: Severity) -> list[str]:
    """Where the recorded findings and what the waiver's fingerprints cover part ways."""
    problems: list[str] = []
    wanted = sorted(set(fingerprints))
    recorded = sorted(c.fingerprint for c in covered)
    if recorded != wanted:
        problems.append(f"the request records findings for fingerprint(s) "
                        f"{', '.join(recorded) or 'none'} but covers {', '.join(wanted)}")
    for c in covered:
        if c.computed_fingerprint() != c.fingerprint:
            problems.append(f"fingerprint {c.fingerprint} is not the one the recorded "
                            f"{c.rule} at {c.path}:{c.start_line} and its code give")
        if (c.rule, c.path) != (rule, path):
            problems.append(f"fingerprint {c.fingerprint} is recorded as {c.rule} in {c.path}, "
                            f"the waiver is for {rule} in {path}")
        if c.severity.rank > severity.rank:
            problems.append(f"fingerprint {c.fingerprint} is recorded {c.severity.value}, above "
                            f"the waiver's {severity.value}")
    return problems


def describe(covered: Sequence[Covered]) -> list[str]:
    """What the approver reads before signing, one finding after another, safe for a terminal."""
    lines: list[str] = []
    for n, c in enumerate(sorted(covered, key=lambda c: (c.start_line, c.occurrence)), 1):
        span = f"{c.start_line}" if c.end_line == c.start_line else f"{c.start_line}-{c.end_line}"
        lines.append(terminal(f"[{n}/{len(covered)}] {c.severity.value.upper()} {c.rule} at "
                              f"{c.path}:{span}: {c.message}"))
        # lines end at newlines only: a carriage return or other separator is shown, not obeyed
        code = c.snippet.split("\n") if c.snippet else ["(no code recorded)"]
        for text in code[:SHOWN_LINES]:
            lines.append(terminal(f"    | {text}"))
        if len(code) > SHOWN_LINES:
            lines.append(f"    | ... {len(code) - SHOWN_LINES} more line(s)")
        if c.region_sha256:
            lines.append(terminal(f"    (the flagged region continues to line {c.end_line}: "
                                  "all of it is covered, by digest)"))
        if c.occurrence:
            lines.append(f"    (occurrence {c.occurrence + 1} of this code in the file)")
    return lines
