"""Turning each tool's raw findings into one consistent, safe set."""

from __future__ import annotations

import ast
import functools
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from secsdlc import fingerprint, suppress
from secsdlc.derogations import NAMES_WAIVER
from secsdlc.files import source_lines
from secsdlc.model import (
    Confidence,
    Finding,
    Notification,
    Rule,
    RuleId,
    Severity,
    Suppression,
)
from secsdlc.redaction import CREDENTIAL_CWES, literals, mask_literals, redact_text
from secsdlc.scanners.interface import AnalysedCall

_SNIPPET_MAX_LINES = 5
_SNIPPET_MAX_CHARS = 2000

INVALID_SUPPRESSION = RuleId("secsdlc.invalid-suppression")
_INVALID_RULE = Rule(
    id=INVALID_SUPPRESSION,
    name="invalid-suppression",
    short_description="Suppression comment that is not honoured",
    full_description="A `# secsdlc: ignore[RULE-ID] reason` comment must name the rule it "
                     "silences and say why; without both it is ignored and reported.",
    help_text="Write `# secsdlc: ignore[RULE-ID] why this is safe`, or request a waiver.",
    severity=Severity.MEDIUM,
    cwe=(710,),
)


class SourceCache:
    """File lines under the scan root, read once per scan."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lines: dict[str, list[str]] = {}

    def lines(self, rel: str) -> list[str]:
        if rel not in self._lines:
            try:
                text = (self.root / rel).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self._lines[rel] = source_lines(text)
        return self._lines[rel]


def redact(text: str, values: frozenset[str]) -> str:
    return redact_text(text, _with_decoded(values)) if values else text


@functools.lru_cache(maxsize=64)
def _with_decoded(values: frozenset[str]) -> frozenset[str]:
    """Each value as written and as its string literal means it: tools quote the decoded form."""
    return values | {d for d in map(_decoded, values) if d is not None and len(d) >= 3}


def _decoded(value: str) -> str | None:
    if "\\" not in value or len(value) > 4096:
        return None
    for quote in ('"', "'"):
        if quote not in value:
            try:
                with warnings.catch_warnings():  # "\\d" is not an escape: a warning, not ours
                    warnings.simplefilter("ignore")
                    decoded = ast.literal_eval(quote + value + quote)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                return None
            return decoded if isinstance(decoded, str) and decoded != value else None
    return None


def clean(finding: Finding, sources: SourceCache, values: frozenset[str]) -> Finding:
    """Fill the snippet from the source and scrub every secret from the text fields."""
    snippet = finding.snippet
    region = ""  # the whole flagged region, when the snippet shows only its start
    if not snippet:
        lines = sources.lines(finding.location.path)
        start = finding.location.start_line
        last = finding.location.end_line or start
        end = min(last, start + _SNIPPET_MAX_LINES - 1)
        snippet = "\n".join(lines[start - 1:end])[:_SNIPPET_MAX_CHARS]
        whole = "\n".join(lines[start - 1:last])
        region = whole if snippet != whole else ""
    message = redact(finding.message, values)
    snippet = redact(snippet, values)
    region = redact(region, values)
    fix_hint = redact(finding.fix_hint, values)
    if CREDENTIAL_CWES.intersection(finding.cwe):
        # The flagged line holds the credential: mask its literals, and any literal a message
        # quotes from it (bandit's "Possible hardcoded password: '...'").
        quoted = literals(snippet)
        message = redact(message, frozenset(v for v in quoted if len(v) >= 3))
        snippet = mask_literals(snippet)
        region = mask_literals(region)
    properties = finding.properties
    if region:
        # the fingerprint that decides must cover every line, not only those a report shows
        properties = {**properties, fingerprint.REGION: fingerprint.region_digest([region])}
    return replace(finding, message=message, snippet=snippet, fix_hint=fix_hint,
                   properties=properties)


def clean_rule(rule: Rule, values: frozenset[str]) -> Rule:
    """A plugin may describe a rule with text taken from a result: scrub it like a result."""
    if not values:
        return rule
    return replace(rule, short_description=redact(rule.short_description, values),
                   full_description=redact(rule.full_description, values),
                   help_text=redact(rule.help_text, values))


def clean_notification(note: Notification, values: frozenset[str]) -> Notification:
    return replace(note, message=redact(note.message, values)) if values else note


def adjudicate(per_scanner: Mapping[str, list[Finding]], calls: Iterable[AnalysedCall],
               keep: frozenset[str] = frozenset()) -> dict[str, list[Finding]]:
    """Lower a pattern tool's result on a call that the data-flow analysis proved harmless.

    Only where the analysis looked at that very call (same file, line and weakness) and found
    what it receives constant or sanitized in every context; anywhere else, a call it did not
    analyse or could not prove, the tool's own severity stands. Scanners named in `keep` are
    never lowered.
    """
    proven: dict[tuple[str, int], list[AnalysedCall]] = {}
    for call in calls:
        proven.setdefault((call.path, call.line), []).append(call)
    if not proven:
        return dict(per_scanner)
    out: dict[str, list[Finding]] = {}
    for name, findings in per_scanner.items():
        kept: list[Finding] = []
        for finding in findings:
            if name in keep:
                kept.append(finding)
                continue
            here = [c for c in proven.get((finding.location.path, finding.location.start_line),
                                          []) if _families((c.cwe,)) & _families(finding.cwe)]
            if here and all(c.proven_safe for c in here) and name not in keep and \
                    finding.severity is not Severity.INFO:
                finding = replace(finding, severity=Severity.INFO, properties={
                    **finding.properties,
                    "downranked": f"{finding.severity.value} lowered to info: {here[0].reason}"})
            kept.append(finding)
        out[name] = kept
    return out


def merge_duplicates(per_scanner: Mapping[str, list[Finding]]) -> dict[str, list[Finding]]:
    """One finding per problem: same file, same line, a CWE in common, reported by two tools.

    `per_scanner` is in merge-preference order; the first tool's finding absorbs the others,
    after the findings that carry a source-to-sink path.
    """
    merged: dict[str, list[Finding]] = {name: [] for name in per_scanner}
    index: dict[tuple[str, int], list[tuple[str, int]]] = {}
    # findings that carry their path first: one reported where a handler hands its data over
    # absorbs a pattern tool's result on the sink its path ends at, not the other way round
    ordered = sorted(((name, f) for name, findings in per_scanner.items() for f in findings),
                     key=lambda item: not item[1].flow)
    for name, finding in ordered:
        keys = _places(finding)
        target = None
        for owner, pos in (entry for key in keys for entry in index.get(key, [])):
            if _same_problem(merged[owner][pos], name, finding):
                target = (owner, pos)
                break
        if target is None:
            merged[name].append(finding)
            target = (name, len(merged[name]) - 1)
        else:
            merged[target[0]][target[1]] = _absorb(merged[target[0]][target[1]], finding)
        for key in keys:
            index.setdefault(key, []).append(target)
    return merged


def _same_problem(kept: Finding, name: str, finding: Finding) -> bool:
    """Two tools on one weakness at one place; or one path-carrying rule reporting one source
    twice at one place (a request built, then sent: two sinks behind the same call)."""
    if name not in kept.scanners:
        return bool(_families(kept.cwe) & _families(finding.cwe))
    return kept.rule_id == finding.rule_id and bool(kept.flow) and bool(finding.flow) and \
        kept.location == finding.location and \
        kept.flow[0].location == finding.flow[0].location


def _places(finding: Finding) -> list[tuple[str, int]]:
    """Where a finding is, and where its path ends when it is reported where the data was
    handed over (a pattern tool's finding on that sink is the same problem)."""
    here = (finding.location.path, finding.location.start_line)
    if not finding.flow:
        return [here]
    end = finding.flow[-1].location
    sink = (end.path, end.start_line)
    return [here] if sink == here else [here, sink]


# Tools name the same weakness at different depths of the CWE tree (bandit: CWE-259 hard-coded
# password, CWE-327 broken crypto; our rules: CWE-798, CWE-328). Each family counts as one CWE
# when deciding whether two findings on one line are the same problem.
_CWE_FAMILIES: tuple[frozenset[int], ...] = (
    frozenset({259, 321, 798}),
    frozenset({326, 327, 328, 916}),
    frozenset({77, 78, 88}),
    frozenset({94, 95, 1336}),
    frozenset({295, 297}),
    frozenset({330, 338}),
)
_FAMILY_OF = {cwe: min(family) for family in _CWE_FAMILIES for cwe in family}


def _families(cwes: Iterable[int]) -> set[int]:
    return {_FAMILY_OF.get(c, c) for c in cwes}


_CONFIDENCE_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


def _absorb(primary: Finding, other: Finding) -> Finding:
    severity = primary.severity if primary.severity.at_least(other.severity) else other.severity
    confidence = max(primary.confidence, other.confidence, key=_CONFIDENCE_RANK.__getitem__)
    return replace(
        primary,
        scanners=tuple(dict.fromkeys((*primary.scanners, *other.scanners))),
        related_rule_ids=tuple(r for r in dict.fromkeys(
            (*primary.related_rule_ids, other.rule_id, *other.related_rule_ids))
            if r != primary.rule_id),
        severity=severity,
        confidence=confidence,
        cwe=tuple(sorted({*primary.cwe, *other.cwe})),
        owasp_2025=tuple(sorted({*primary.owasp_2025, *other.owasp_2025})),
        owasp_2021=tuple(sorted({*primary.owasp_2021, *other.owasp_2021})),
        fix_hint=primary.fix_hint or other.fix_hint,
    )


def apply_suppressions(
    findings: Iterable[Finding],
    sources: SourceCache,
    settings: suppress.SuppressionSettings,
    values: frozenset[str],
) -> tuple[list[Finding], dict[RuleId, Rule]]:
    """Mark suppressed findings; report malformed suppression comments as findings."""
    out: list[Finding] = []
    reported: set[tuple[str, int]] = set()
    extra_rules: dict[RuleId, Rule] = {}
    for finding in findings:
        lines = sources.lines(finding.location.path)
        directives = suppress.directives_for(lines, finding.location.start_line)
        ids: set[str] = {finding.rule_id, *finding.related_rule_ids}
        scanners: set[str] = set(finding.scanners)
        honoured = [d for d in directives if suppress.covers(d, ids, scanners, settings)]
        if honoured:
            d = honoured[0]
            finding = replace(finding, suppressions=(*finding.suppressions, Suppression(
                kind="inSource", justification=d.reason, status="accepted",
                properties={"directive": d.tool, "line": str(d.line),
                            **({NAMES_WAIVER: d.waiver_id} if d.waiver_id else {})})))
        out.append(finding)
        for d in directives:
            key = (finding.location.path, d.line)
            if d.problem and key not in reported:
                reported.add(key)
                extra_rules[INVALID_SUPPRESSION] = _INVALID_RULE
                out.append(Finding(
                    rule_id=INVALID_SUPPRESSION,
                    scanners=(finding.scanner,),
                    message=f"Suppression comment {d.problem}; the finding it was meant for "
                            f"({finding.rule_id}) is not suppressed.",
                    severity=Severity.MEDIUM,
                    confidence=finding.confidence,
                    location=replace(finding.location, start_line=d.line, end_line=d.line,
                                     start_column=1, end_column=None),
                    cwe=(710,),
                    snippet=redact(lines[d.line - 1].strip(), values),
                    properties={"for": finding.rule_id},
                ))
    return out, extra_rules
