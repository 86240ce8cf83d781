"""Enforce mode: an inline suppression is a derogation, and counts only if a correspondent
approved it.

Approved means the signed policy allows inline suppressions up to the hidden finding's severity
(`[suppressions] inline-up-to`), or a signed waiver covers the hidden finding (the gate applies
waivers later, and then waives the report below with it); a comment that names a waiver
(`# secsdlc: waiver w-...`) is approved only by that very waiver. Any other in-source suppression
stays in the results as `underReview`, so the hidden finding blocks again, and is itself reported as
`secsdlc.unapproved-suppression` at the hidden finding's severity, so the change under review
shows it to the correspondent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from secsdlc import fingerprint
from secsdlc.model import Finding, Rule, RuleId, Severity, Suppression
from secsdlc.suppress import SuppressionSettings

UNAPPROVED = RuleId("secsdlc.unapproved-suppression")
HIDES = "hides"  # property of the report: the fingerprint of the finding the comment hides
# property of an in-source suppression and of its report: the waiver a comment names
NAMES_WAIVER = "names-waiver"
UNAPPROVED_RULE = Rule(
    id=UNAPPROVED,
    name="unapproved-suppression",
    short_description="Inline suppression not approved by a security correspondent",
    full_description="In enforce mode an in-source suppression (# nosec, # nosemgrep, "
                     "# secsdlc: ignore[...]) hides a finding only when a correspondent approved "
                     "it: a signed waiver for the finding, or a signed policy allowing inline "
                     "suppressions up to its severity.",
    help_text="Request a waiver (secsdlc waiver request) or fix the finding.",
    severity=Severity.HIGH,
    cwe=(710,),
)


def approve(findings: Iterable[Finding], settings: SuppressionSettings
            ) -> tuple[list[Finding], dict[RuleId, Rule]]:
    """(findings with unapproved suppressions under review plus their reports, extra rules)."""
    out: list[Finding] = []
    reports: list[Finding] = []
    limit = settings.inline_up_to
    for finding in findings:
        in_source = [s for s in finding.suppressions
                     if s.kind == "inSource" and s.status == "accepted"]
        named = in_source[0].properties.get(NAMES_WAIVER) if in_source else None
        # a comment naming a waiver asks for that waiver's approval, not the policy's
        if not in_source or (limit is not None and finding.severity.rank <= limit.rank
                             and not named):
            out.append(finding)
            continue
        reviewed = tuple(
            replace(s, status="underReview",
                    properties={**s.properties, "approval": "none: enforce mode counts an "
                                "inline suppression only with a correspondent's approval"})
            if s in in_source else s
            for s in finding.suppressions)
        out.append(replace(finding, suppressions=reviewed))
        line = int(in_source[0].properties.get("line", finding.location.start_line))
        reports.append(Finding(
            rule_id=UNAPPROVED,
            scanners=finding.scanners,
            message=f"This comment names waiver {named}, which does not approve hiding "
                    f"{finding.rule_id} ({finding.severity.value}) here: it counts only when that "
                    f"waiver is approved, valid, unexpired and covers the finding." if named else
                    f"This suppression hides {finding.rule_id} ({finding.severity.value}) "
                    f"without a correspondent's approval; in enforce mode the finding blocks.",
            severity=finding.severity,
            confidence=finding.confidence,
            location=replace(finding.location, start_line=line, end_line=line, start_column=1,
                             end_column=None),
            cwe=(710,),
            snippet=finding.snippet,
            properties={HIDES: finding.fingerprint, "for": finding.rule_id,
                        **({NAMES_WAIVER: named} if named else {})},
        ))
    if not reports:
        return out, {}
    return out + fingerprint.assign(reports), {UNAPPROVED: UNAPPROVED_RULE}


def waived_with(finding: Finding, waived: dict[str, Suppression]) -> Suppression | None:
    """The waiver's suppression when this is a report whose hidden finding was waived (by the
    waiver the comment names, when it names one)."""
    hidden = finding.properties.get(HIDES) if finding.rule_id == UNAPPROVED else None
    approval = waived.get(hidden) if hidden else None
    named = finding.properties.get(NAMES_WAIVER)
    if approval is not None and named and approval.properties.get("waiver-id") != named:
        return None
    return approval
