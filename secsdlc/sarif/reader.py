"""SARIF 2.1.0 -> the finding model: the one reader of SARIF files, for the gate and the history.

Any tool's SARIF (ours, bandit, semgrep, CodeQL, Trivy...) reads the same way wherever it is read,
with the one severity table, CWE parser and URI-to-path rule of `secsdlc.sarif.terms`. Strict
where meaning is at stake (version, runs, results, locations, levels, suppressions, times), lenient
on what it does not use; every problem is a SarifError naming the file and the JSON path. What it
has to guess (a result with no level, severity or score; a rule the run does not describe) becomes
a warning notification of the run.

`read_log` gives everything a document says (the scan, and per result the tool's own identity
for it, the commit, the gate's outcome); `read_sarif` only the scan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
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
    Suppression,
    ToolInfo,
)
from secsdlc.owasp import categories
from secsdlc.sarif.terms import (
    BadSeverity,
    cwes,
    owasp_ids,
    parse_time,
    severity,
    strings,
    uri_path,
)

_KIND = {k.value: k for k in NotificationKind}
# result kinds that report no problem
_NOT_PROBLEMS = frozenset({"pass", "notApplicable"})
_REGION_FIELDS = ("startLine", "startColumn", "endLine", "endColumn", "charOffset")
_MAX_POSITION = 2**31 - 1
# result properties the finding model holds in fields of its own
_KNOWN_PROPERTIES = frozenset({"severity", "confidence", "cwe", "owasp", "scanners",
                               "relatedRules", "fixHint", "helpUri"})


class SarifError(SecsdlcError):
    """The file is not SARIF 2.1.0 we can trust a decision on (exit 2)."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source = source
        self.where = where
        self.problem = problem
        super().__init__(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


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


@dataclass(frozen=True, kw_only=True)
class SarifLog:
    """Everything one SARIF document says that secsdlc reads."""

    source: str
    digest: str  # sha256 of the file's bytes
    scan: ScanResult
    results: tuple[ReadResult, ...]
    started_at: datetime | None  # the earliest invocation start, else end; naive UTC
    commit: str | None  # versionControlProvenance
    branch: str | None
    # the gate's outcome a run or invocation records ("secsdlc/gate"); None when none does
    gate_passed: bool | None


def read_sarif(path: Path) -> ScanResult:
    return read_log(path).scan


def parse(doc: Any, *, source: str) -> ScanResult:
    return _Reader(source).document(doc, "").scan


def read_log(path: Path) -> SarifLog:
    try:
        raw = fileio.read_bytes(path)
    except fileio.InputError as e:
        raise SarifError(str(path), "", str(e).removeprefix(f"{path}: ")) from None
    digest, doc = hashlib.sha256(raw).hexdigest(), _load(raw, str(path))
    del raw  # a large file's bytes need not stay beside its document and findings
    return _Reader(str(path)).document(doc, digest)


def parse_log(raw: bytes, *, source: str) -> SarifLog:
    return _Reader(source).document(_load(raw, source), hashlib.sha256(raw).hexdigest())


def _load(raw: bytes, source: str) -> Any:
    try:
        return fileio.loads_json(fileio.decode_text(raw, source), source)
    except fileio.InputError as e:
        raise SarifError(source, "", str(e).removeprefix(f"{source}: ")) from None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number")


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> SarifError:
        return SarifError(self.source, where, problem)

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be an object, got {_kind(value)}")
        return value

    def opt_obj(self, parent: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        value = parent.get(key)
        return {} if value is None else self.obj(value, f"{where}.{key}")

    def arr(self, parent: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", f"must be an array, got {_kind(value)}")
        return value

    def opt_str(self, parent: Mapping[str, Any], key: str, where: str) -> str | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", f"must be a string, got {_kind(value)}")
        return value

    def time(self, parent: Mapping[str, Any], key: str, where: str) -> datetime | None:
        text = self.opt_str(parent, key, where)
        if text is None:
            return None
        try:
            return parse_time(text)
        except ValueError:
            raise self.fail(f"{where}.{key}", f"not an ISO 8601 date-time: {text!r}") from None

    # --- the document ------------------------------------------------------------------------

    def document(self, doc: Any, digest: str) -> SarifLog:
        doc = self.obj(doc, "$")
        if doc.get("version") != "2.1.0":
            raise self.fail("$.version",
                            f'must be "2.1.0" (SARIF 2.1.0), got {doc.get("version")!r}')
        if "runs" not in doc:
            raise self.fail("$.runs", "missing")
        runs = self.arr(doc, "runs", "$")
        root = ""
        out_runs: list[ScannerRun] = []
        results: list[ReadResult] = []
        facts = _Facts()
        for i, run in enumerate(runs):
            where = f"$.runs[{i}]"
            try:
                scanner_run, read = self.run(self.obj(run, where), where, facts)
                base = (run.get("originalUriBaseIds") or {}).get("%SRCROOT%", {})
            except (AttributeError, TypeError, ValueError, KeyError, IndexError,
                    OverflowError) as e:
                # a value of the wrong type somewhere in the run: no decision can rest on it
                raise self.fail(where, f"malformed ({type(e).__name__}: {e})") from None
            out_runs.append(scanner_run)
            results += read
            if not root and isinstance(base, dict) and str(base.get("uri", "")).startswith("file:"):
                root = unquote(urlparse(str(base["uri"])).path).rstrip("/") or "/"
        return SarifLog(
            source=self.source, digest=digest,
            scan=ScanResult(root=root or ".", runs=tuple(out_runs)), results=tuple(results),
            # bandit writes only an end time: better than "now" for a scan recorded later
            started_at=min(facts.starts) if facts.starts else min(facts.ends, default=None),
            commit=facts.commit, branch=facts.branch, gate_passed=facts.gate)

    def run(self, run: Mapping[str, Any], where: str,
            facts: _Facts) -> tuple[ScannerRun, list[ReadResult]]:
        tool = self.obj(run.get("tool"), f"{where}.tool")
        driver = tool.get("driver")
        if not isinstance(driver, dict) or not isinstance(driver.get("name"), str) \
                or not driver["name"]:
            raise self.fail(f"{where}.tool.driver.name", "missing")
        name = ScannerName(driver["name"])
        index = _RuleIndex(self, tool, driver, where)
        invocations = [self.obj(inv, f"{where}.invocations[{j}]")
                       for j, inv in enumerate(self.arr(run, "invocations", where))]
        succeeded = True
        for j, inv in enumerate(invocations):
            inv_where = f"{where}.invocations[{j}]"
            for key, times in (("startTimeUtc", facts.starts), ("endTimeUtc", facts.ends)):
                when = self.time(inv, key, inv_where)
                if when is not None:
                    times.append(when)
            ok = inv.get("executionSuccessful", True)
            if not isinstance(ok, bool):
                raise self.fail(f"{inv_where}.executionSuccessful", "must be true or false")
            succeeded = succeeded and ok
            facts.add_gate(self.gate(self.opt_obj(inv, "properties", inv_where),
                                     f"{inv_where}.properties"))
        facts.add_gate(self.gate(self.opt_obj(run, "properties", where), f"{where}.properties"))
        for j, vcp in enumerate(self.arr(run, "versionControlProvenance", where)):
            vwhere = f"{where}.versionControlProvenance[{j}]"
            vcp = self.obj(vcp, vwhere)
            facts.commit = facts.commit or self.opt_str(vcp, "revisionId", vwhere)
            facts.branch = facts.branch or self.opt_str(vcp, "branch", vwhere)
        # SARIF: a run without a results array is a tool that produced none, not a clean one
        succeeded = succeeded and run.get("results") is not None
        artifacts = self.arr(run, "artifacts", where)
        guesses: list[Notification] = []
        read: list[ReadResult] = []
        for k, raw in enumerate(self.arr(run, "results", where)):
            rwhere = f"{where}.results[{k}]"
            result = self.obj(raw, rwhere)
            if result.get("kind") in _NOT_PROBLEMS:
                continue
            read.append(self.result(result, rwhere, name, index, artifacts, guesses))
        findings = [r.finding for r in read]
        if any(not f.fingerprint for f in findings):
            findings = fingerprint.assign(findings)
        elif any(not f.lifecycle_key for f in findings):
            findings = fingerprint.assign(findings, decision=False)
        notes = [self.notification(n, name) for inv in invocations
                 for n in inv.get("toolExecutionNotifications") or [] if isinstance(n, dict)]
        # as in the engine: a run that reported a scanner failure did not succeed
        succeeded = succeeded and not any(n.kind is NotificationKind.SCANNER_FAILURE
                                          for n in notes)
        first = invocations[0] if invocations else {}
        return ScannerRun(
            tool=ToolInfo(name=name, version=str(driver.get("version", "")),
                          information_uri=str(driver.get("informationUri", ""))),
            rules=index.rules, findings=tuple(findings), notifications=(*notes, *guesses),
            succeeded=succeeded,
            start_time_utc=first.get("startTimeUtc"), end_time_utc=first.get("endTimeUtc"),
        ), read

    def gate(self, props: Mapping[str, Any], where: str) -> bool | None:
        for key in ("secsdlc/gate", "gate"):
            value = props.get(key)
            if value is None:
                continue
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in ("pass", "passed", "fail", "failed"):
                return value.lower().startswith("pass")
            if isinstance(value, dict):
                continue  # a structured gate report of some other tool: not ours to read
            raise self.fail(f"{where}.{key}", f'must be "pass" or "fail", got {value!r}')
        return None

    # --- one result --------------------------------------------------------------------------

    def result(self, raw: Mapping[str, Any], where: str, scanner: ScannerName,
               index: _RuleIndex, artifacts: list[Any],
               guesses: list[Notification]) -> ReadResult:
        rule_id, raw_rule = index.lookup(raw, where)
        rule_props = self.opt_obj(raw_rule, "properties", "rule") if raw_rule else {}
        props = self.opt_obj(raw, "properties", where)
        message = self.message(raw, where, raw_rule)
        level = self.opt_str(raw, "level", where)
        if level is None:
            level = _default_level(raw_rule)
        try:
            found_severity, guessed = severity(props, rule_props, level)
        except BadSeverity as e:
            raise self.fail(f"{where}.{e.field}", e.problem) from None
        location, snippet, region = self.location(raw, where, artifacts)
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
        partial = self.fingerprint_bag(raw, "partialFingerprints", where)
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
            suppressions=self.suppressions(raw, where),
            baseline_state=self.opt_str(raw, "baselineState", where) or None,
        )
        return ReadResult(finding=finding, tool=scanner, rule_properties=rule_props,
                          partial_fingerprints=partial,
                          fingerprints=self.fingerprint_bag(raw, "fingerprints", where),
                          region=region)

    def message(self, raw: Mapping[str, Any], where: str,
                rule: Mapping[str, Any] | None) -> str:
        msg = self.obj(raw.get("message"), f"{where}.message")
        text = self.opt_str(msg, "text", f"{where}.message")
        if text is not None:
            return text
        msg_id = self.opt_str(msg, "id", f"{where}.message")
        if msg_id is None:
            raise self.fail(f"{where}.message", "has neither text nor id")
        strings_ = rule.get("messageStrings") if rule else None
        entry = strings_.get(msg_id) if isinstance(strings_, dict) else None
        template = entry.get("text") if isinstance(entry, dict) else None
        if not isinstance(template, str):
            raise self.fail(f"{where}.message.id",
                            f"{msg_id!r} is not in the rule's messageStrings")
        args = msg.get("arguments") or []
        for n, arg in enumerate(args if isinstance(args, list) else []):
            template = template.replace("{" + str(n) + "}", str(arg))
        return template

    def location(self, raw: Mapping[str, Any], where: str,
                 artifacts: list[Any]) -> tuple[Location, str, str]:
        """The first location, its snippet, and its region's fields as written."""
        locations = self.arr(raw, "locations", where)
        if not locations:
            raise self.fail(f"{where}.locations", "a result needs at least one location")
        lwhere = f"{where}.locations[0].physicalLocation"
        loc = self.obj(locations[0], f"{where}.locations[0]")
        physical = self.opt_obj(loc, "physicalLocation", f"{where}.locations[0]")
        artifact = self.opt_obj(physical, "artifactLocation", lwhere)
        uri = self.opt_str(artifact, "uri", f"{lwhere}.artifactLocation")
        at = artifact.get("index")
        if uri is None and isinstance(at, int) and 0 <= at < len(artifacts):
            entry = artifacts[at]
            listed = entry.get("location") if isinstance(entry, dict) else None
            if isinstance(listed, dict) and isinstance(listed.get("uri"), str):
                uri = listed["uri"]
        if uri is None:
            raise self.fail(f"{lwhere}.artifactLocation.uri", "missing")
        region = self.opt_obj(physical, "region", lwhere)
        numbers: dict[str, int | None] = {}
        for name in ("startLine", "startColumn", "endLine", "endColumn"):
            value = region.get(name, 1 if name.startswith("start") else None)
            # a line or column beyond any real file is damage, and would not fit a database
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not 1 <= value <= _MAX_POSITION):
                raise self.fail(f"{lwhere}.region.{name}",
                                f"must be a positive integer up to {_MAX_POSITION}, "
                                f"got {str(value)[:40]}")
            numbers[name] = value
        start = numbers["startLine"] or 1
        snippet = self.opt_obj(region, "snippet", f"{lwhere}.region")
        location = Location(path=uri_path(uri), start_line=start,
                            start_column=numbers["startColumn"] or 1,
                            end_line=numbers["endLine"], end_column=numbers["endColumn"])
        text = snippet.get("text")
        written = ":".join(str(region.get(k, "")) for k in _REGION_FIELDS) if region else ""
        return location, text if isinstance(text, str) else "", written

    def suppressions(self, raw: Mapping[str, Any], where: str) -> tuple[Suppression, ...]:
        out = []
        for k, value in enumerate(self.arr(raw, "suppressions", where)):
            swhere = f"{where}.suppressions[{k}]"
            sup = self.obj(value, swhere)
            kind = sup.get("kind")
            if kind not in ("inSource", "external"):
                raise self.fail(f"{swhere}.kind", f"must be inSource or external, got {kind!r}")
            status = sup.get("status", "accepted")
            if status not in ("accepted", "underReview", "rejected"):
                raise self.fail(f"{swhere}.status",
                                f"must be accepted, underReview or rejected, got {status!r}")
            props = self.opt_obj(sup, "properties", swhere)
            self.time(props, "expires", f"{swhere}.properties")  # a waiver's end is a date
            out.append(Suppression(
                kind=kind, justification=self.opt_str(sup, "justification", swhere) or "",
                status=status, properties={str(k): str(v) for k, v in props.items()}))
        return tuple(out)

    def fingerprint_bag(self, raw: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
        bag = self.opt_obj(raw, key, where)
        return {str(k): v for k, v in bag.items() if isinstance(v, str) and v}

    def notification(self, raw: Mapping[str, Any], scanner: ScannerName) -> Notification:
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

    def rule(self, raw: Mapping[str, Any], where: str) -> Rule:
        props = self.opt_obj(raw, "properties", where)
        cwe = cwes(props)
        y2025, y2021 = categories(cwe)

        def text(key: str) -> str:
            return str((raw.get(key) or {}).get("text", ""))

        try:
            # a rule's own severity is only shown; each result's is decided (and any guess noted)
            rule_severity, _ = severity(props, {}, _default_level(raw))
        except BadSeverity as e:
            field = "defaultConfiguration.level" if e.field == "level" else e.field
            raise self.fail(f"{where}.{field}", e.problem) from None
        return Rule(id=RuleId(raw["id"]), name=str(raw.get("name", raw["id"])),
                    short_description=text("shortDescription") or raw["id"],
                    full_description=text("fullDescription"), help_text=text("help"),
                    help_uri=str(raw.get("helpUri", "")),
                    severity=rule_severity, cwe=cwe, owasp_2025=y2025,
                    owasp_2021=y2021, precision=str(props.get("precision", "")))


class _Facts:
    """What the runs of a document say about the scan as a whole."""

    def __init__(self) -> None:
        self.starts: list[datetime] = []
        self.ends: list[datetime] = []
        self.commit: str | None = None
        self.branch: str | None = None
        self.gate: bool | None = None

    def add_gate(self, passed: bool | None) -> None:
        if passed is not None:
            self.gate = passed if self.gate is None else self.gate and passed


class _RuleIndex:
    """A run's rules by id and by index, from the driver and from extensions (CodeQL packs)."""

    def __init__(self, reader: _Reader, tool: Mapping[str, Any], driver: Mapping[str, Any],
                 where: str) -> None:
        self.reader = reader
        self.driver_rules = self.checked(driver, f"{where}.tool.driver")
        self.extensions = [
            self.checked(reader.obj(ext, f"{where}.tool.extensions[{k}]"),
                         f"{where}.tool.extensions[{k}]")
            for k, ext in enumerate(reader.arr(tool, "extensions", f"{where}.tool"))]
        self.by_id: dict[str, Mapping[str, Any]] = {}
        self.rules: dict[RuleId, Rule] = {}
        for rules, rules_where in ((self.driver_rules, f"{where}.tool.driver"),
                                   *((ext, f"{where}.tool.extensions[{k}]")
                                     for k, ext in enumerate(self.extensions))):
            for j, rule in enumerate(rules):
                if rule["id"] not in self.by_id:
                    self.by_id[rule["id"]] = rule
                    self.rules[RuleId(rule["id"])] = reader.rule(rule, f"{rules_where}.rules[{j}]")

    def checked(self, component: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
        rules = self.reader.arr(component, "rules", where)
        for j, rule in enumerate(rules):
            if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
                raise self.reader.fail(f"{where}.rules[{j}].id", "missing")
        return rules

    def lookup(self, result: Mapping[str, Any],
               where: str) -> tuple[str, Mapping[str, Any] | None]:
        """The result's rule id, and the rule that describes it (None when the run has none)."""
        fail: Callable[[str, str], SarifError] = self.reader.fail
        ref = self.reader.opt_obj(result, "rule", where)
        rules = self.driver_rules
        component = ref.get("toolComponent")
        if isinstance(component, dict) and isinstance(component.get("index"), int):
            at = component["index"]
            if not 0 <= at < len(self.extensions):
                raise fail(f"{where}.rule.toolComponent.index", f"{at} out of range")
            rules = self.extensions[at]
        index = ref.get("index", result.get("ruleIndex"))
        rule: Mapping[str, Any] | None = None
        if index is not None:
            if isinstance(index, bool) or not isinstance(index, int):
                raise fail(f"{where}.ruleIndex", "must be an integer")
            if index >= len(rules):
                raise fail(f"{where}.ruleIndex", f"{index} but the run has {len(rules)} rules")
            if index >= 0:
                rule = rules[index]
        rule_id = self.reader.opt_str(result, "ruleId", where)
        if rule_id is None and ref:
            rule_id = self.reader.opt_str(ref, "id", f"{where}.rule")
        if rule_id is None and rule is not None:
            rule_id = rule["id"]
        if not rule_id:
            raise fail(where, "has no ruleId, rule.id or ruleIndex")
        if rule is None:
            rule = self.by_id.get(rule_id) or self.by_id.get(rule_id.split("/")[0])
        return rule_id, rule


def _default_level(raw: Mapping[str, Any] | None) -> str | None:
    level = ((raw or {}).get("defaultConfiguration") or {}).get("level")
    return level if isinstance(level, str) else None
