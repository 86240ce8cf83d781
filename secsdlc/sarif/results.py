"""One SARIF result -> a Finding, with what the document says of its identity and region.

What it has to guess (a result with no level, severity or score; a rule the run does not
describe) is appended to `guesses` as a warning notification, never taken silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from secsdlc.fingerprint import KEY as FINGERPRINT_KEY
from secsdlc.fingerprint import LIFECYCLE_KEY
from secsdlc.model import (
    Confidence,
    Finding,
    Fingerprint,
    Location,
    Notification,
    NotificationKind,
    RuleId,
    ScannerName,
    Suppression,
)
from secsdlc.owasp import categories
from secsdlc.sarif.checked import Checked
from secsdlc.sarif.rules import RuleIndex, default_level
from secsdlc.sarif.terms import BadSeverity, cwes, owasp_ids, severity, strings, uri_path

_REGION_FIELDS = ("startLine", "startColumn", "endLine", "endColumn", "charOffset")
_MAX_POSITION = 2**31 - 1
# result properties the finding model holds in fields of its own
_KNOWN_PROPERTIES = frozenset({"severity", "confidence", "cwe", "owasp", "scanners",
                               "relatedRules", "fixHint", "helpUri"})


@dataclass(frozen=True, kw_only=True)
class ReadResult:
    """One result as the document states it, with the tool's own identity for it.

    `finding.fingerprint` is ours only when the document carries it: the scan's findings get
    theirs assigned when it does not.
    """

    finding: Finding
    tool: str  # the run's driver name
    rule_properties: Mapping[str, Any]  # of the rule that describes it, as written
    partial_fingerprints: Mapping[str, str]
    fingerprints: Mapping[str, str]
    # the region's fields as written, "" for each one absent; "" without a region
    region: str


def read_result(check: Checked, raw: Mapping[str, Any], where: str, scanner: ScannerName,
                index: RuleIndex, artifacts: list[Any],
                guesses: list[Notification]) -> ReadResult:
    rule_id, raw_rule = index.lookup(raw, where)
    rule_props = check.opt_obj(raw_rule, "properties", "rule") if raw_rule else {}
    props = check.opt_obj(raw, "properties", where)
    message = _message(check, raw, where, raw_rule)
    level = check.opt_str(raw, "level", where)
    if level is None:
        level = default_level(raw_rule)
    try:
        found_severity, guessed = severity(props, rule_props, level)
    except BadSeverity as e:
        raise check.fail(f"{where}.{e.field}", e.problem) from None
    location, snippet, region = _location(check, raw, where, artifacts)
    path, start = location.path, location.start_line
    if raw_rule is None:
        guesses.append(Notification(
            kind=NotificationKind.WARNING, scanner=scanner, path=path,
            message=f"{path}:{start}: rule {rule_id} is not described in the run: no CWE, "
                    f"help or default level from it"))
    if guessed:
        guesses.append(Notification(kind=NotificationKind.WARNING, scanner=scanner,
                                    path=path, message=f"{path}:{start}: {rule_id}: {guessed}"))
    cwe = cwes(props) or cwes(rule_props)
    derived_2025, derived_2021 = categories(cwe)
    named_2025, named_2021 = owasp_ids(props, rule_props)
    rule = index.rules.get(RuleId(raw_rule["id"])) if raw_rule else None
    partial = _fingerprint_bag(check, raw, "partialFingerprints", where)
    finding = Finding(
        rule_id=RuleId(rule_id),
        scanners=tuple(ScannerName(s) for s in strings(props.get("scanners")) or [scanner]),
        message=message,
        severity=found_severity,
        confidence=Confidence.parse(str(props.get("confidence", "medium"))),
        location=location,
        cwe=cwe, owasp_2025=named_2025 or derived_2025, owasp_2021=named_2021 or derived_2021,
        snippet=snippet,
        fingerprint=Fingerprint(partial.get(FINGERPRINT_KEY, "")),
        lifecycle_key=Fingerprint(partial.get(LIFECYCLE_KEY, "")),
        help_uri=str(props.get("helpUri", rule.help_uri if rule else "")),
        fix_hint=str(props.get("fixHint", "")),
        related_rule_ids=tuple(RuleId(r) for r in strings(props.get("relatedRules"))),
        properties={str(k): str(v) for k, v in props.items() if k not in _KNOWN_PROPERTIES},
        suppressions=_suppressions(check, raw, where),
        baseline_state=check.opt_str(raw, "baselineState", where) or None,
    )
    return ReadResult(finding=finding, tool=scanner, rule_properties=rule_props,
                      partial_fingerprints=partial,
                      fingerprints=_fingerprint_bag(check, raw, "fingerprints", where),
                      region=region)


def _message(check: Checked, raw: Mapping[str, Any], where: str,
             rule: Mapping[str, Any] | None) -> str:
    msg = check.obj(raw.get("message"), f"{where}.message")
    text = check.opt_str(msg, "text", f"{where}.message")
    if text is not None:
        return text
    msg_id = check.opt_str(msg, "id", f"{where}.message")
    if msg_id is None:
        raise check.fail(f"{where}.message", "has neither text nor id")
    strings_ = rule.get("messageStrings") if rule else None
    entry = strings_.get(msg_id) if isinstance(strings_, dict) else None
    template = entry.get("text") if isinstance(entry, dict) else None
    if not isinstance(template, str):
        raise check.fail(f"{where}.message.id",
                         f"{msg_id!r} is not in the rule's messageStrings")
    args = msg.get("arguments") or []
    for n, arg in enumerate(args if isinstance(args, list) else []):
        template = template.replace("{" + str(n) + "}", str(arg))
    return template


def _location(check: Checked, raw: Mapping[str, Any], where: str,
              artifacts: list[Any]) -> tuple[Location, str, str]:
    """The first location, its snippet, and its region's fields as written."""
    locations = check.arr(raw, "locations", where)
    if not locations:
        raise check.fail(f"{where}.locations", "a result needs at least one location")
    lwhere = f"{where}.locations[0].physicalLocation"
    loc = check.obj(locations[0], f"{where}.locations[0]")
    physical = check.opt_obj(loc, "physicalLocation", f"{where}.locations[0]")
    artifact = check.opt_obj(physical, "artifactLocation", lwhere)
    uri = check.opt_str(artifact, "uri", f"{lwhere}.artifactLocation")
    at = artifact.get("index")
    if uri is None and isinstance(at, int) and 0 <= at < len(artifacts):
        entry = artifacts[at]
        listed = entry.get("location") if isinstance(entry, dict) else None
        if isinstance(listed, dict) and isinstance(listed.get("uri"), str):
            uri = listed["uri"]
    if uri is None:
        raise check.fail(f"{lwhere}.artifactLocation.uri", "missing")
    region = check.opt_obj(physical, "region", lwhere)
    numbers: dict[str, int | None] = {}
    for name in ("startLine", "startColumn", "endLine", "endColumn"):
        value = region.get(name, 1 if name.startswith("start") else None)
        # a line or column beyond any real file is damage, and would not fit a database
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or not 1 <= value <= _MAX_POSITION):
            raise check.fail(f"{lwhere}.region.{name}",
                             f"must be a positive integer up to {_MAX_POSITION}, "
                             f"got {str(value)[:40]}")
        numbers[name] = value
    start = numbers["startLine"] or 1
    snippet = check.opt_obj(region, "snippet", f"{lwhere}.region")
    location = Location(path=uri_path(uri), start_line=start,
                        start_column=numbers["startColumn"] or 1,
                        end_line=numbers["endLine"], end_column=numbers["endColumn"])
    text = snippet.get("text")
    written = ":".join(str(region.get(k, "")) for k in _REGION_FIELDS) if region else ""
    return location, text if isinstance(text, str) else "", written


def _suppressions(check: Checked, raw: Mapping[str, Any],
                  where: str) -> tuple[Suppression, ...]:
    out = []
    for k, value in enumerate(check.arr(raw, "suppressions", where)):
        swhere = f"{where}.suppressions[{k}]"
        sup = check.obj(value, swhere)
        kind = sup.get("kind")
        if kind not in ("inSource", "external"):
            raise check.fail(f"{swhere}.kind", f"must be inSource or external, got {kind!r}")
        status = sup.get("status", "accepted")
        if status not in ("accepted", "underReview", "rejected"):
            raise check.fail(f"{swhere}.status",
                             f"must be accepted, underReview or rejected, got {status!r}")
        props = check.opt_obj(sup, "properties", swhere)
        check.time(props, "expires", f"{swhere}.properties")  # a waiver's end is a date
        out.append(Suppression(
            kind=kind, justification=check.opt_str(sup, "justification", swhere) or "",
            status=status, properties={str(k): str(v) for k, v in props.items()}))
    return tuple(out)


def _fingerprint_bag(check: Checked, raw: Mapping[str, Any], key: str,
                     where: str) -> dict[str, str]:
    bag = check.opt_obj(raw, key, where)
    return {str(k): v for k, v in bag.items() if isinstance(v, str) and v}
