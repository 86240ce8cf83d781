"""SARIF 2.1.0 -> ScanResult, so that a gate decision or a merge can be made on a file.

Strict where meaning is at stake (version, runs, results, locations), lenient on what it does not
use. Every problem names the file and the JSON path. What it has to guess (a result with no level,
severity or score; a rule the run does not describe) becomes a warning notification of the run.

The severity table, the CWE parser and the URI-to-path rule here are the only ones: the history
import reads any tool's SARIF with them too, so a file gets the same severity, CWE and path in the
gate and in the history.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from secsdlc import fileio, fingerprint
from secsdlc.errors import SecsdlcError
from secsdlc.fingerprint import KEY as FINGERPRINT_KEY
from secsdlc.fingerprint import LIFECYCLE_KEY
from secsdlc.model import (
    Confidence,
    Finding,
    Fingerprint,
    Location,
    Notification,
    NotificationKind,
    Rule,
    RuleId,
    ScannerName,
    ScannerRun,
    ScanResult,
    Severity,
    Suppression,
    ToolInfo,
)
from secsdlc.owasp import categories

LEVEL_SEVERITY = {"error": Severity.HIGH, "warning": Severity.MEDIUM, "note": Severity.LOW,
                  "none": Severity.INFO}
# SARIF's level for a result that states none and whose rule sets no default
DEFAULT_LEVEL = "warning"
_KIND = {k.value: k for k in NotificationKind}
_CWE_RE = re.compile(r"\bcwe[-_/: ]*0*(\d{1,5})\b", re.IGNORECASE)


class SarifError(SecsdlcError):
    """The file is not SARIF 2.1.0 we can trust a decision on (exit 2)."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source = source
        self.where = where
        self.problem = problem
        super().__init__(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


class BadSeverity(ValueError):
    """A level or score that means nothing; `field` is where, relative to the result."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


def severity(props: Mapping[str, Any], rule_props: Mapping[str, Any],
             level: str | None) -> tuple[Severity, str]:
    """A result's severity, and what was guessed to get it ("" when nothing was).

    Ours (`severity`, of the result or its rule), else a CVSS-like `security-severity` (same
    order), else the level (the result's, else its rule's default). BadSeverity: an unknown
    level, a score that is not 0-10.
    """
    if level is not None and level not in LEVEL_SEVERITY:
        raise BadSeverity("level", f"must be none, note, warning or error, got {level!r}")
    for bag in (props, rule_props):
        ours = bag.get("severity")
        if isinstance(ours, str) and ours.strip().lower() in {s.value for s in Severity}:
            return Severity.parse(ours), ""
    for field, bag in (("properties", props), ("rule.properties", rule_props)):
        score = bag.get("security-severity")
        if score is None:
            continue
        try:
            value = float(score)
        except (TypeError, ValueError):
            raise BadSeverity(f"{field}.security-severity",
                              f"must be a number 0-10, got {score!r}") from None
        if not 0.0 <= value <= 10.0:
            raise BadSeverity(f"{field}.security-severity", f"must be 0-10, got {value}")
        return Severity.from_score(value), ""
    if level is None:
        return LEVEL_SEVERITY[DEFAULT_LEVEL], (
            f"no level, severity or security-severity: taken as "
            f"{LEVEL_SEVERITY[DEFAULT_LEVEL].value} (SARIF's default level {DEFAULT_LEVEL})")
    return LEVEL_SEVERITY[level], ""


def strings(value: Any) -> list[str]:
    """The strings (and numbers) of a property value that is one or a list of them."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int)) and not isinstance(v, bool)]
    return []


def cwes(*bags: Mapping[str, Any]) -> tuple[int, ...]:
    """CWE ids from property bags: `cwe`/`cwes` ("79", "CWE-79: ...") and tags
    ("external/cwe/cwe-79", as CodeQL and semgrep write them)."""
    found: set[int] = set()
    for bag in bags:
        for key in ("cwe", "cwes", "CWE"):
            for item in strings(bag.get(key)):
                if item.isdigit():
                    found.add(int(item))
                found.update(int(m) for m in _CWE_RE.findall(item))
        for tag in strings(bag.get("tags")):
            found.update(int(m) for m in _CWE_RE.findall(tag))
    return tuple(sorted(found))


def uri_path(uri: str) -> str:
    """An artifact URI as a path: a file URI stands for itself, a relative one is under the root."""
    path = unquote(urlparse(uri).path) if uri.startswith("file:") else unquote(uri)
    return path[2:] if path.startswith("./") else path


def read_sarif(path: Path) -> ScanResult:
    try:
        doc = fileio.load_json(path)
    except fileio.InputError as e:
        raise SarifError(str(path), "", str(e).removeprefix(f"{path}: ")) from None
    return parse(doc, source=str(path))


def parse(doc: Any, *, source: str) -> ScanResult:
    def fail(where: str, problem: str) -> SarifError:
        return SarifError(source, where, problem)

    if not isinstance(doc, dict):
        raise fail("$", "a SARIF log must be a JSON object")
    if doc.get("version") != "2.1.0":
        raise fail("$.version", f"expected \"2.1.0\", found {doc.get('version')!r}")
    runs = doc.get("runs")
    if not isinstance(runs, list):
        raise fail("$.runs", "missing or not an array")
    root = ""
    out_runs = []
    for i, run in enumerate(runs):
        where = f"$.runs[{i}]"
        if not isinstance(run, dict):
            raise fail(where, "not an object")
        try:
            out_runs.append(_run(run, where, fail))
            base = (run.get("originalUriBaseIds") or {}).get("%SRCROOT%", {})
        except (AttributeError, TypeError, ValueError, KeyError, IndexError, OverflowError) as e:
            # a value of the wrong type somewhere in the run: no decision can rest on it
            raise fail(where, f"malformed ({type(e).__name__}: {e})") from None
        if not root and isinstance(base, dict) and str(base.get("uri", "")).startswith("file:"):
            root = unquote(urlparse(str(base["uri"])).path).rstrip("/") or "/"
    return ScanResult(root=root or ".", runs=tuple(out_runs))


def _run(run: dict[str, Any], where: str, fail: Any) -> ScannerRun:
    driver = (run.get("tool") or {}).get("driver")
    if not isinstance(driver, dict) or not isinstance(driver.get("name"), str):
        raise fail(f"{where}.tool.driver.name", "missing")
    name = ScannerName(driver["name"])
    rules: dict[RuleId, Rule] = {}
    rule_list = driver.get("rules") or []
    if not isinstance(rule_list, list):
        raise fail(f"{where}.tool.driver.rules", "not an array")
    for j, raw in enumerate(rule_list):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise fail(f"{where}.tool.driver.rules[{j}].id", "missing")
        rules[RuleId(raw["id"])] = _rule(raw, f"{where}.tool.driver.rules[{j}]", fail)
    results = run.get("results")
    if results is None:
        results = []
    if not isinstance(results, list):
        raise fail(f"{where}.results", "not an array")
    guesses: list[Notification] = []
    findings = [_finding(r, f"{where}.results[{k}]", name, rule_list, rules, fail, guesses)
                for k, r in enumerate(results)]
    if any(not f.fingerprint for f in findings):
        findings = fingerprint.assign(findings)
    elif any(not f.lifecycle_key for f in findings):
        findings = fingerprint.assign(findings, decision=False)
    invocations = run.get("invocations") or []
    succeeded = all(bool(inv.get("executionSuccessful", True)) for inv in invocations
                    if isinstance(inv, dict))
    notes = [_notification(n, name) for inv in invocations if isinstance(inv, dict)
             for n in inv.get("toolExecutionNotifications") or [] if isinstance(n, dict)]
    # as in the engine: a run that reported a scanner failure did not succeed
    succeeded = succeeded and not any(n.kind is NotificationKind.SCANNER_FAILURE for n in notes)
    first = next((inv for inv in invocations if isinstance(inv, dict)), {})
    return ScannerRun(
        tool=ToolInfo(name=name, version=str(driver.get("version", "")),
                      information_uri=str(driver.get("informationUri", ""))),
        rules=rules, findings=tuple(findings), notifications=(*notes, *guesses),
        succeeded=succeeded,
        start_time_utc=first.get("startTimeUtc"), end_time_utc=first.get("endTimeUtc"))


def _default_level(raw: Mapping[str, Any] | None) -> str | None:
    level = ((raw or {}).get("defaultConfiguration") or {}).get("level")
    return level if isinstance(level, str) else None


def _rule(raw: dict[str, Any], where: str, fail: Any) -> Rule:
    props = raw.get("properties") or {}
    cwe = cwes(props)
    y2025, y2021 = categories(cwe)

    def text(key: str) -> str:
        return str((raw.get(key) or {}).get("text", ""))

    try:
        # a rule's own severity is only shown; each result's is decided (and any guess noted) below
        rule_severity, _ = severity(props, {}, _default_level(raw))
    except BadSeverity as e:
        field = "defaultConfiguration.level" if e.field == "level" else e.field
        raise fail(f"{where}.{field}", e.problem) from None
    return Rule(id=RuleId(raw["id"]), name=str(raw.get("name", raw["id"])),
                short_description=text("shortDescription") or raw["id"],
                full_description=text("fullDescription"), help_text=text("help"),
                help_uri=str(raw.get("helpUri", "")),
                severity=rule_severity, cwe=cwe, owasp_2025=y2025,
                owasp_2021=y2021, precision=str(props.get("precision", "")))


def _finding(raw: Any, where: str, scanner: ScannerName, rule_list: list[Any],
             rules: dict[RuleId, Rule], fail: Any, guesses: list[Notification]) -> Finding:
    if not isinstance(raw, dict):
        raise fail(where, "not an object")
    rule_id = raw.get("ruleId")
    if rule_id is None and isinstance(raw.get("ruleIndex"), int) \
            and 0 <= raw["ruleIndex"] < len(rule_list):
        rule_id = rule_list[raw["ruleIndex"]].get("id")
    if not isinstance(rule_id, str):
        raise fail(f"{where}.ruleId", "missing")
    message = (raw.get("message") or {}).get("text")
    if not isinstance(message, str):
        raise fail(f"{where}.message.text", "missing")
    locations = raw.get("locations") or []
    if not locations or not isinstance(locations, list):
        raise fail(f"{where}.locations", "a result needs at least one location")
    physical = (locations[0] or {}).get("physicalLocation") or {}
    uri = (physical.get("artifactLocation") or {}).get("uri")
    if not isinstance(uri, str):
        raise fail(f"{where}.locations[0].physicalLocation.artifactLocation.uri", "missing")
    region = physical.get("region") or {}
    start = region.get("startLine", 1)
    if not isinstance(start, int) or start < 1:
        raise fail(f"{where}.locations[0].physicalLocation.region.startLine",
                   "must be a positive integer")
    props = raw.get("properties") or {}
    rule = rules.get(RuleId(rule_id))
    raw_rule = next((r for r in rule_list if isinstance(r, dict) and r.get("id") == rule_id), None)
    rule_props = (raw_rule or {}).get("properties") or {}
    cwe = cwes(props) or cwes(rule_props)
    y2025, y2021 = categories(cwe)
    level = raw.get("level") if isinstance(raw.get("level"), str) else _default_level(raw_rule)
    path = uri_path(uri)
    try:
        found_severity, guessed = severity(props, rule_props, level)
    except BadSeverity as e:
        raise fail(f"{where}.{e.field}", e.problem) from None
    if rule is None:
        guesses.append(Notification(
            kind=NotificationKind.WARNING, scanner=scanner, path=path,
            message=f"{path}:{start}: rule {rule_id} is not described in the run: no CWE, help "
                    f"or default level from it"))
    if guessed:
        guesses.append(Notification(kind=NotificationKind.WARNING, scanner=scanner, path=path,
                                    message=f"{path}:{start}: {rule_id}: {guessed}"))
    scanners = props.get("scanners") or [scanner]
    suppressions = tuple(
        Suppression(kind=str(s.get("kind", "external")),
                    justification=str(s.get("justification", "")),
                    status=str(s.get("status", "accepted")),
                    properties={str(k): str(v) for k, v in (s.get("properties") or {}).items()})
        for s in raw.get("suppressions") or [] if isinstance(s, dict))
    known = {"severity", "confidence", "cwe", "owasp", "scanners", "relatedRules", "fixHint",
             "helpUri"}
    return Finding(
        rule_id=RuleId(rule_id),
        scanners=tuple(ScannerName(str(s)) for s in scanners),
        message=message,
        severity=found_severity,
        confidence=Confidence.parse(str(props.get("confidence", "medium"))),
        location=Location(path=path, start_line=start,
                          start_column=int(region.get("startColumn", 1)),
                          end_line=region.get("endLine"), end_column=region.get("endColumn")),
        cwe=cwe, owasp_2025=y2025, owasp_2021=y2021,
        snippet=str((region.get("snippet") or {}).get("text", "")),
        fingerprint=Fingerprint(
            str((raw.get("partialFingerprints") or {}).get(FINGERPRINT_KEY, ""))),
        lifecycle_key=Fingerprint(
            str((raw.get("partialFingerprints") or {}).get(LIFECYCLE_KEY, ""))),
        help_uri=str(props.get("helpUri", rule.help_uri if rule else "")),
        fix_hint=str(props.get("fixHint", "")),
        related_rule_ids=tuple(RuleId(str(r)) for r in props.get("relatedRules") or []),
        properties={str(k): str(v) for k, v in props.items() if k not in known},
        suppressions=suppressions,
        baseline_state=str(raw["baselineState"]) if raw.get("baselineState") else None,
    )


def _notification(raw: dict[str, Any], scanner: ScannerName) -> Notification:
    descriptor = str((raw.get("descriptor") or {}).get("id", ""))
    level = str(raw.get("level", "warning"))
    kind = _KIND.get(descriptor) or (NotificationKind.SCANNER_FAILURE if level == "error"
                                     else NotificationKind.WARNING)
    locations = raw.get("locations") or []
    path = None
    if locations and isinstance(locations[0], dict):
        uri = ((locations[0].get("physicalLocation") or {}).get("artifactLocation") or {}
               ).get("uri")
        path = uri_path(uri) if isinstance(uri, str) else None
    return Notification(kind=kind, message=str((raw.get("message") or {}).get("text", "")),
                        scanner=scanner, path=path)
