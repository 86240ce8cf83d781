"""Normalize any tool's SARIF 2.1.0 (ours, bandit, semgrep, CodeQL, Trivy...) into an ImportedScan.

Everything is checked before anything is stored: a malformed document raises SarifImportError naming
the file and the JSON path of the first problem, so a half-understood scan never reaches history.
Severity, CWE and paths come from `secsdlc.sarif.reader`, the gate's reader, so a file reads the
same in both.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from secsdlc import owasp
from secsdlc.fingerprint import LIFECYCLE_KEY as OUR_FINGERPRINT_KEY
from secsdlc.history.interface import (
    Digest,
    Disposition,
    HistoryFingerprint,
    ImportedFinding,
    ImportedScan,
    SarifImportError,
)
from secsdlc.sarif import reader

# semgrep without a login writes this constant instead of a real fingerprint.
_PLACEHOLDER_FINGERPRINTS = frozenset({"requires login"})
_SKIPPED_KINDS = frozenset({"pass", "notApplicable"})
_OWASP_RE = re.compile(r"\bA(\d{2})[:\-_ ]?(20\d\d)\b", re.IGNORECASE)
_SECRET_CWES = frozenset({259, 321, 798})
_SECRET_WORDS = re.compile(
    r"secret|gitleaks|trufflehog|credential|password|passwd|api[-_ ]?key|token|private[-_ ]?key",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"""(['"`])(?:(?!\1).){1,500}\1""")
WITHHELD = "[snippet withheld: possible secret]"


def load_file(path: Path) -> ImportedScan:
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SarifImportError(source, "", "file not found") from None
    except OSError as e:
        raise SarifImportError(source, "", f"cannot read: {e}") from e
    return parse_bytes(raw, source=source)


def parse_bytes(raw: bytes, *, source: str) -> ImportedScan:
    try:
        doc = json.loads(raw)
    except RecursionError:
        raise SarifImportError(source, "", "JSON nested too deeply") from None
    except UnicodeDecodeError as e:
        raise SarifImportError(source, "", f"not UTF-8 text: {e}") from e
    except json.JSONDecodeError as e:
        raise SarifImportError(
            source, f"line {e.lineno} column {e.colno}", f"invalid JSON: {e.msg}"
        ) from e
    digest = Digest(hashlib.sha256(raw).hexdigest())
    return _Parser(source).document(doc, digest)


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> SarifImportError:
        return SarifImportError(self.source, where, problem)

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be an object, got {_kind(value)}")
        return value

    def opt_obj(self, parent: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        value = parent.get(key)
        if value is None:
            return {}
        return self.obj(value, f"{where}.{key}")

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

    def document(self, doc: Any, digest: Digest) -> ImportedScan:
        doc = self.obj(doc, "document")
        version = doc.get("version")
        if version != "2.1.0":
            raise self.fail("version", f'must be "2.1.0" (SARIF 2.1.0), got {version!r}')
        if "runs" not in doc:
            raise self.fail("runs", "missing")
        if not isinstance(doc["runs"], list):
            raise self.fail("runs", f"must be an array, got {_kind(doc['runs'])}")
        tools: list[str] = []
        merged: dict[HistoryFingerprint, ImportedFinding] = {}
        starts: list[datetime] = []
        ends: list[datetime] = []
        commit: str | None = None
        branch: str | None = None
        gate: bool | None = None
        runs_failed = False
        absent = 0
        for i, run_value in enumerate(doc["runs"]):
            where = f"runs[{i}]"
            run = self.obj(run_value, where)
            tool = self.obj(run.get("tool"), f"{where}.tool")
            driver = self.obj(tool.get("driver"), f"{where}.tool.driver")
            name = self.opt_str(driver, "name", f"{where}.tool.driver")
            if not name:
                raise self.fail(f"{where}.tool.driver.name", "missing or empty")
            if name not in tools:
                tools.append(name)
            for j, inv_value in enumerate(self.arr(run, "invocations", where)):
                inv_where = f"{where}.invocations[{j}]"
                inv = self.obj(inv_value, inv_where)
                start = self.time(inv, "startTimeUtc", inv_where)
                if start is not None:
                    starts.append(start)
                end = self.time(inv, "endTimeUtc", inv_where)
                if end is not None:
                    ends.append(end)
                ok = inv.get("executionSuccessful")
                if ok is not None and not isinstance(ok, bool):
                    raise self.fail(f"{inv_where}.executionSuccessful", "must be true or false")
                if ok is False:
                    runs_failed = True
                props = self.opt_obj(inv, "properties", inv_where)
                gate = _merge_gate(gate, self.gate(props, f"{inv_where}.properties"))
            gate = _merge_gate(
                gate, self.gate(self.opt_obj(run, "properties", where), f"{where}.properties")
            )
            for j, vcp_value in enumerate(self.arr(run, "versionControlProvenance", where)):
                vcp = self.obj(vcp_value, f"{where}.versionControlProvenance[{j}]")
                commit = commit or self.opt_str(vcp, "revisionId", f"{where}.vcp[{j}]")
                branch = branch or self.opt_str(vcp, "branch", f"{where}.vcp[{j}]")
            if run.get("results") is None:
                # SARIF: an absent results array means the tool did not produce results.
                runs_failed = True
                continue
            rules = _RuleIndex(self, run, where, driver)
            artifacts = self.arr(run, "artifacts", where)
            for j, result_value in enumerate(self.arr(run, "results", where)):
                rwhere = f"{where}.results[{j}]"
                result = self.obj(result_value, rwhere)
                if result.get("kind") in _SKIPPED_KINDS:
                    continue
                if result.get("baselineState") == "absent":
                    absent += 1
                    continue
                finding = self.result(result, rwhere, name, rules, artifacts)
                previous = merged.get(finding.fingerprint)
                merged[finding.fingerprint] = (
                    finding if previous is None else _merge(previous, finding)
                )
        return ImportedScan(
            source=self.source,
            digest=digest,
            tools=tuple(tools),
            findings=tuple(merged.values()),
            # bandit writes only an end time: better than "now" for a scan recorded later
            started_at=min(starts) if starts else min(ends) if ends else None,
            commit=commit,
            branch=branch,
            gate_passed=gate,
            runs_failed=runs_failed,
            skipped_absent=absent,
        )

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

    def result(
        self,
        result: Mapping[str, Any],
        where: str,
        tool: str,
        rules: _RuleIndex,
        artifacts: list[Any],
    ) -> ImportedFinding:
        rule_id, rule = rules.lookup(result, where)
        rule_props = self.opt_obj(rule, "properties", "rule") if rule else {}
        props = self.opt_obj(result, "properties", where)
        message = self.message(result, where, rule)
        level = self.opt_str(result, "level", where)
        if level is None:
            default = self.opt_obj(rule, "defaultConfiguration", "rule") if rule else {}
            level = default.get("level") if isinstance(default.get("level"), str) else None
        try:
            severity, _ = reader.severity(props, rule_props, level)
        except reader.BadSeverity as e:
            field = e.field if e.field != "level" or "level" in result else "rule.level"
            raise self.fail(f"{where}.{field}", e.problem) from None
        path, line, snippet, region_key = self.location(result, where, artifacts)
        cwe = reader.cwes(props, rule_props)
        y2025, y2021 = _owasp_ids(props, rule_props)
        derived_2025, derived_2021 = owasp.categories(cwe)
        y2025 = y2025 or derived_2025
        y2021 = y2021 or derived_2021
        disposition, justification, approver, expires = self.suppression(result, where)
        if _looks_secret(tool, rule_id, cwe, rule_props):
            snippet = WITHHELD if snippet else ""
            message = _QUOTED.sub(r"\1[redacted]\1", message)
        help_uri = rule.get("helpUri") if rule else None
        if not isinstance(help_uri, str):
            help_uri = ""
        return ImportedFinding(
            fingerprint=self.fingerprint(result, where, tool, rule_id, path, region_key),
            rule_id=rule_id,
            tool=tool,
            severity=severity,
            message=message,
            path=path,
            start_line=line,
            snippet=snippet,
            cwe=cwe,
            owasp_2025=y2025,
            owasp_2021=y2021,
            help_uri=help_uri,
            disposition=disposition,
            justification=justification,
            waiver_approver=approver,
            waiver_expires=expires,
        )

    def message(self, result: Mapping[str, Any], where: str, rule: Mapping[str, Any] | None) -> str:
        msg = self.obj(result.get("message"), f"{where}.message")
        text = self.opt_str(msg, "text", f"{where}.message")
        if text is not None:
            return text
        msg_id = self.opt_str(msg, "id", f"{where}.message")
        if msg_id is None:
            raise self.fail(f"{where}.message", "has neither text nor id")
        strings = rule.get("messageStrings") if rule else None
        entry = strings.get(msg_id) if isinstance(strings, dict) else None
        template = entry.get("text") if isinstance(entry, dict) else None
        if not isinstance(template, str):
            raise self.fail(
                f"{where}.message.id", f"{msg_id!r} is not in the rule's messageStrings"
            )
        args = msg.get("arguments") or []
        for n, arg in enumerate(args if isinstance(args, list) else []):
            template = template.replace("{" + str(n) + "}", str(arg))
        return template

    def location(
        self, result: Mapping[str, Any], where: str, artifacts: list[Any]
    ) -> tuple[str, int | None, str, str]:
        locations = self.arr(result, "locations", where)
        if not locations:
            return "", None, "", ""
        loc = self.obj(locations[0], f"{where}.locations[0]")
        lwhere = f"{where}.locations[0].physicalLocation"
        phys = self.opt_obj(loc, "physicalLocation", f"{where}.locations[0]")
        art = self.opt_obj(phys, "artifactLocation", lwhere)
        uri = self.opt_str(art, "uri", f"{lwhere}.artifactLocation")
        index = art.get("index")
        if uri is None and isinstance(index, int) and 0 <= index < len(artifacts):
            entry = artifacts[index]
            location = entry.get("location") if isinstance(entry, dict) else None
            if isinstance(location, dict) and isinstance(location.get("uri"), str):
                uri = location["uri"]
        path = reader.uri_path(uri or "")
        region = self.opt_obj(phys, "region", lwhere)
        line: int | None = None
        region_key = ""
        if region:
            start = region.get("startLine")
            if start is not None and (
                isinstance(start, bool) or not isinstance(start, int) or start < 1
            ):
                raise self.fail(
                    f"{lwhere}.region.startLine", f"must be a positive integer, got {start!r}"
                )
            line = start
            region_key = ":".join(
                str(region.get(k, ""))
                for k in ("startLine", "startColumn", "endLine", "endColumn", "charOffset")
            )
        # Only the finding's own region: a context region (bandit's 3 lines) can hold a
        # neighbouring line's secret that no redaction of this finding would know about.
        snippet = _snippet(region)
        return path, line, snippet, region_key

    def suppression(
        self, result: Mapping[str, Any], where: str
    ) -> tuple[Disposition, str, str, datetime | None]:
        chosen: tuple[Disposition, str, str, datetime | None] | None = None
        for k, value in enumerate(self.arr(result, "suppressions", where)):
            swhere = f"{where}.suppressions[{k}]"
            sup = self.obj(value, swhere)
            kind = sup.get("kind")
            if kind not in ("inSource", "external"):
                raise self.fail(f"{swhere}.kind", f"must be inSource or external, got {kind!r}")
            status = sup.get("status", "accepted")
            if status not in ("accepted", "underReview", "rejected"):
                raise self.fail(
                    f"{swhere}.status", f"must be accepted, underReview or rejected, got {status!r}"
                )
            if status != "accepted":
                continue
            justification = self.opt_str(sup, "justification", swhere) or ""
            props = self.opt_obj(sup, "properties", swhere)
            if kind == "external":
                approver = props.get("approver")
                expires = self.time(props, "expires", f"{swhere}.properties")
                # A waiver outranks an in-source comment: it carries an approver and an expiry.
                return (
                    Disposition.WAIVED,
                    justification,
                    approver if isinstance(approver, str) else "",
                    expires,
                )
            chosen = chosen or (Disposition.SUPPRESSED, justification, "", None)
        return chosen or (Disposition.OPEN, "", "", None)

    def fingerprint(
        self,
        result: Mapping[str, Any],
        where: str,
        tool: str,
        rule_id: str,
        path: str,
        region_key: str,
    ) -> HistoryFingerprint:
        for key in ("partialFingerprints", "fingerprints"):
            bag = self.opt_obj(result, key, where)
            ours = bag.get(OUR_FINGERPRINT_KEY)
            if isinstance(ours, str) and ours:
                return HistoryFingerprint(ours)
            usable = sorted(
                (k, v)
                for k, v in bag.items()
                if isinstance(v, str) and v and v not in _PLACEHOLDER_FINGERPRINTS
            )
            if usable:
                return _hash(key, tool, rule_id, *(f"{k}={v}" for k, v in usable))
        locations = result.get("locations") or [{}]
        region = (
            locations[0].get("physicalLocation", {}).get("region", {})
            if isinstance(locations[0], dict)
            else {}
        )
        snippet = _snippet(region) if isinstance(region, dict) else ""
        # Whitespace-insensitive snippet: re-indenting code must not make an old finding look new.
        anchor = " ".join(snippet.split()) if snippet else region_key
        return _hash("derived", tool, rule_id, path, anchor)


class _RuleIndex:
    """Rules of a run by id and by index, from the driver and from extensions (CodeQL packs)."""

    def __init__(
        self, parser: _Parser, run: Mapping[str, Any], where: str, driver: Mapping[str, Any]
    ) -> None:
        self.parser = parser
        self.driver_rules = parser.arr(driver, "rules", f"{where}.tool.driver")
        self.extensions: list[list[Any]] = []
        tool = run.get("tool") or {}
        for k, ext in enumerate(parser.arr(tool, "extensions", f"{where}.tool")):
            ext_obj = parser.obj(ext, f"{where}.tool.extensions[{k}]")
            self.extensions.append(parser.arr(ext_obj, "rules", f"{where}.tool.extensions[{k}]"))
        self.by_id: dict[str, Mapping[str, Any]] = {}
        for rules in (*self.extensions, self.driver_rules):
            for rule in rules:
                if isinstance(rule, dict) and isinstance(rule.get("id"), str):
                    self.by_id.setdefault(rule["id"], rule)

    def lookup(self, result: Mapping[str, Any], where: str) -> tuple[str, Mapping[str, Any] | None]:
        ref = self.parser.opt_obj(result, "rule", where)
        rules = self.driver_rules
        component = ref.get("toolComponent") if ref else None
        if isinstance(component, dict) and isinstance(component.get("index"), int):
            idx = component["index"]
            if not 0 <= idx < len(self.extensions):
                raise self.parser.fail(f"{where}.rule.toolComponent.index", f"{idx} out of range")
            rules = self.extensions[idx]
        index = ref.get("index", result.get("ruleIndex")) if ref else result.get("ruleIndex")
        rule: Mapping[str, Any] | None = None
        if index is not None:
            if isinstance(index, bool) or not isinstance(index, int):
                raise self.parser.fail(f"{where}.ruleIndex", "must be an integer")
            if index >= 0:
                if index >= len(rules):
                    raise self.parser.fail(
                        f"{where}.ruleIndex", f"{index} but the run has {len(rules)} rules"
                    )
                rule = self.parser.obj(rules[index], f"{where}.rule")
        rule_id = self.parser.opt_str(result, "ruleId", where)
        if rule_id is None and ref:
            rule_id = self.parser.opt_str(ref, "id", f"{where}.rule")
        if rule_id is None and rule is not None and isinstance(rule.get("id"), str):
            rule_id = rule["id"]
        if not rule_id:
            raise self.parser.fail(where, "has no ruleId, rule.id or ruleIndex")
        if rule is None:
            rule = self.by_id.get(rule_id) or self.by_id.get(rule_id.split("/")[0])
        return rule_id, rule


def parse_time(text: str) -> datetime:
    """ISO 8601 to naive UTC; a date or a time without offset is taken as UTC."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _merge_gate(current: bool | None, new: bool | None) -> bool | None:
    if new is None:
        return current
    if current is None:
        return new
    return current and new


def _merge(a: ImportedFinding, b: ImportedFinding) -> ImportedFinding:
    from dataclasses import replace

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


def _snippet(region: Mapping[str, Any]) -> str:
    snippet = region.get("snippet") if region else None
    text = snippet.get("text") if isinstance(snippet, dict) else None
    return text if isinstance(text, str) else ""


def _owasp_ids(
    props: Mapping[str, Any], rule_props: Mapping[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    y2025: set[str] = set()
    y2021: set[str] = set()
    for bag in (props, rule_props):
        for key in ("owasp", "owasp_2025", "owasp_2021", "tags"):
            for item in reader.strings(bag.get(key)):
                for num, year in _OWASP_RE.findall(item):
                    ident = f"A{num}:{year}"
                    if year == "2025":
                        y2025.add(ident)
                    elif year == "2021":
                        y2021.add(ident)
    return tuple(sorted(y2025)), tuple(sorted(y2021))


def _looks_secret(
    tool: str, rule_id: str, cwe: tuple[int, ...], rule_props: Mapping[str, Any]
) -> bool:
    if _SECRET_CWES.intersection(cwe):
        return True
    tags = " ".join(reader.strings(rule_props.get("tags")))
    return bool(_SECRET_WORDS.search(f"{tool} {rule_id} {tags}"))


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number"
    )
