"""SARIF 2.1.0 -> ScanResult, so that a gate decision or a merge can be made on a file.

Strict where meaning is at stake (version, runs, results, locations), lenient on what it does not
use. Every problem names the file and the JSON path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from secsdlc import fileio, fingerprint
from secsdlc.fingerprint import KEY as FINGERPRINT_KEY
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

_LEVEL_SEVERITY = {"error": Severity.HIGH, "warning": Severity.MEDIUM, "note": Severity.LOW,
                   "none": Severity.INFO}
_KIND = {k.value: k for k in NotificationKind}


class SarifError(Exception):
    """The file is not SARIF 2.1.0 we can trust a decision on."""


def read_sarif(path: Path) -> ScanResult:
    try:
        doc = fileio.load_json(path)
    except fileio.InputError as e:
        raise SarifError(str(e)) from None
    return parse(doc, source=str(path))


def parse(doc: Any, *, source: str) -> ScanResult:
    def fail(where: str, problem: str) -> SarifError:
        return SarifError(f"{source}: {where}: {problem}")

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
        rules[RuleId(raw["id"])] = _rule(raw)
    results = run.get("results")
    if results is None:
        results = []
    if not isinstance(results, list):
        raise fail(f"{where}.results", "not an array")
    findings = [_finding(r, f"{where}.results[{k}]", name, rule_list, rules, fail)
                for k, r in enumerate(results)]
    if any(not f.fingerprint for f in findings):
        findings = fingerprint.assign(findings)
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
        rules=rules, findings=tuple(findings), notifications=tuple(notes), succeeded=succeeded,
        start_time_utc=first.get("startTimeUtc"), end_time_utc=first.get("endTimeUtc"))


def _cwes(props: dict[str, Any]) -> tuple[int, ...]:
    values = props.get("cwe") or []
    out = set()
    for v in values if isinstance(values, list) else [values]:
        digits = "".join(ch for ch in str(v) if ch.isdigit())
        if digits:
            out.add(int(digits))
    for t in props.get("tags") or []:
        if isinstance(t, str) and t.lower().startswith("external/cwe/cwe-"):
            out.add(int(t.rsplit("-", 1)[1]))
    return tuple(sorted(out))


def _rule(raw: dict[str, Any]) -> Rule:
    props = raw.get("properties") or {}
    cwe = _cwes(props)
    y2025, y2021 = categories(cwe)

    def text(key: str) -> str:
        return str((raw.get(key) or {}).get("text", ""))

    level = str((raw.get("defaultConfiguration") or {}).get("level", "warning"))
    return Rule(id=RuleId(raw["id"]), name=str(raw.get("name", raw["id"])),
                short_description=text("shortDescription") or raw["id"],
                full_description=text("fullDescription"), help_text=text("help"),
                help_uri=str(raw.get("helpUri", "")),
                severity=_severity(props, level), cwe=cwe, owasp_2025=y2025,
                owasp_2021=y2021, precision=str(props.get("precision", "")))


def _severity(props: dict[str, Any], level: str) -> Severity:
    if isinstance(props.get("severity"), str):
        try:
            return Severity.parse(props["severity"])
        except ValueError:
            pass
    score = props.get("security-severity")
    try:
        if score is not None:
            return Severity.from_score(float(score))
    except (TypeError, ValueError):
        pass
    return _LEVEL_SEVERITY.get(level, Severity.MEDIUM)


def _finding(raw: Any, where: str, scanner: ScannerName, rule_list: list[Any],
             rules: dict[RuleId, Rule], fail: Any) -> Finding:
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
    cwe = _cwes(props) or (rule.cwe if rule else ())
    y2025, y2021 = categories(cwe)
    level = str(raw.get("level", "warning"))
    severity = (_severity(props, level) if "severity" in props or "level" in raw or rule is None
                else rule.severity)
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
        severity=severity,
        confidence=Confidence.parse(str(props.get("confidence", "medium"))),
        location=Location(path=_path(uri), start_line=start,
                          start_column=int(region.get("startColumn", 1)),
                          end_line=region.get("endLine"), end_column=region.get("endColumn")),
        cwe=cwe, owasp_2025=y2025, owasp_2021=y2021,
        snippet=str((region.get("snippet") or {}).get("text", "")),
        fingerprint=Fingerprint(
            str((raw.get("partialFingerprints") or {}).get(FINGERPRINT_KEY, ""))),
        help_uri=str(props.get("helpUri", rule.help_uri if rule else "")),
        fix_hint=str(props.get("fixHint", "")),
        related_rule_ids=tuple(RuleId(str(r)) for r in props.get("relatedRules") or []),
        properties={str(k): str(v) for k, v in props.items() if k not in known},
        suppressions=suppressions,
        baseline_state=str(raw["baselineState"]) if raw.get("baselineState") else None,
    )


def _path(uri: str) -> str:
    """A relative URI is a path under the root; a file URI stands for itself."""
    if uri.startswith("file:"):
        return unquote(urlparse(uri).path)
    return unquote(uri)


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
        path = _path(uri) if isinstance(uri, str) else None
    return Notification(kind=kind, message=str((raw.get("message") or {}).get("text", "")),
                        scanner=scanner, path=path)
