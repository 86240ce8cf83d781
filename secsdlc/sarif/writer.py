"""ScanResult -> SARIF 2.1.0, built with sarif-om.

One run per scanner, each with its own `automationDetails.id` (GitHub code scanning rejects several
runs of one category in a file). Everything GitHub reads is filled: rule help, tags with the CWE
and OWASP ids, `security-severity`, relative URIs under %SRCROOT%.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attr
import sarif_om as om

from secsdlc import __version__
from secsdlc.fingerprint import KEY as FINGERPRINT_KEY
from secsdlc.fingerprint import LIFECYCLE_KEY
from secsdlc.gate.interface import Verdict
from secsdlc.model import Finding, Notification, Rule, ScannerRun, ScanResult
from secsdlc.owasp import tag

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"


def automation_id(scanner: str) -> str:
    # A trailing slash makes the whole id the category (GitHub: one category per run).
    return f"secsdlc/{scanner}/"


def to_sarif(result: ScanResult, verdict: Verdict | None = None) -> dict[str, Any]:
    runs = [_run(run, result, first=i == 0, verdict=verdict)
            for i, run in enumerate(result.runs)]
    log = om.SarifLog(version="2.1.0", schema_uri=SCHEMA_URI, runs=runs)
    return _serialize(log)  # type: ignore[no-any-return]


def dumps(result: ScanResult, verdict: Verdict | None = None) -> str:
    return json.dumps(to_sarif(result, verdict), indent=2, ensure_ascii=False) + "\n"


def _sentence(text: str) -> str:
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    if not text:
        return "No message."
    return text if text[-1] in ".!?" else text + "."


def _rule(rule: Rule, findings: list[Finding]) -> om.ReportingDescriptor:
    score = max((f.properties.get("security-severity", "") for f in findings
                 if f.rule_id == rule.id), default="")
    security_severity = score or f"{rule.severity.security_severity:.1f}"
    tags = ["security", *(f"external/cwe/cwe-{c}" for c in rule.cwe),
            *(tag(o) for o in rule.owasp_2025), *(tag(o) for o in rule.owasp_2021)]
    help_text = rule.help_text or rule.full_description or rule.short_description
    help_md = help_text + (f"\n\n[More information]({rule.help_uri})" if rule.help_uri else "")
    return om.ReportingDescriptor(
        id=rule.id,
        name=_pascal(rule.name),
        short_description=om.MultiformatMessageString(text=_sentence(rule.short_description)),
        full_description=om.MultiformatMessageString(
            text=_sentence(rule.full_description or rule.short_description)),
        help=om.MultiformatMessageString(text=_sentence(help_text), markdown=help_md),
        help_uri=rule.help_uri or None,
        default_configuration=om.ReportingConfiguration(level=rule.severity.sarif_level),
        properties={
            "tags": tags,
            "precision": rule.precision or "high",
            "security-severity": security_severity,
            "severity": rule.severity.value,
            "cwe": [f"CWE-{c}" for c in rule.cwe],
            "owasp": [*rule.owasp_2025, *rule.owasp_2021],
        },
    )


def _pascal(name: str) -> str:
    """SARIF rule names are identifiers by convention (SARIF2012 warns otherwise)."""
    parts = [p for p in name.replace("-", "_").replace(".", "_").split("_") if p]
    return "".join(p[:1].upper() + p[1:] for p in parts) or "Rule"


def _location(finding: Finding) -> om.Location:
    loc = finding.location
    region = om.Region(start_line=loc.start_line, start_column=loc.start_column)
    if loc.end_line is not None and loc.end_line >= loc.start_line:
        region.end_line = loc.end_line
        if loc.end_column is not None and (loc.end_line > loc.start_line
                                           or loc.end_column > loc.start_column):
            region.end_column = loc.end_column
    if finding.snippet:
        region.snippet = om.ArtifactContent(text=finding.snippet)
    return om.Location(physical_location=om.PhysicalLocation(
        artifact_location=_artifact(loc.path), region=region))


def _artifact(path: str) -> om.ArtifactLocation:
    # outside the scan root (an installed package audited with --env): an absolute file URI
    if path.startswith("/"):
        return om.ArtifactLocation(uri=Path(path).as_uri())
    return om.ArtifactLocation(uri=_uri(path), uri_base_id=SRCROOT)


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/-._~")


def _result(finding: Finding, rule_index: int) -> om.Result:
    properties: dict[str, Any] = {
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "cwe": [f"CWE-{c}" for c in finding.cwe],
        "owasp": [*finding.owasp_2025, *finding.owasp_2021],
        "scanners": list(finding.scanners),
    }
    if finding.related_rule_ids:
        properties["relatedRules"] = list(finding.related_rule_ids)
    if finding.fix_hint:
        properties["fixHint"] = finding.fix_hint
    if finding.help_uri:
        properties["helpUri"] = finding.help_uri
    properties.update({k: v for k, v in finding.properties.items()})
    result = om.Result(
        rule_id=finding.rule_id,
        rule_index=rule_index,
        level=finding.severity.sarif_level,
        message=om.Message(text=_sentence(finding.message)),
        locations=[_location(finding)],
        partial_fingerprints={FINGERPRINT_KEY: finding.fingerprint,
                              LIFECYCLE_KEY: finding.lifecycle_key},
        properties=properties,
    )
    if finding.suppressions:
        # plain objects: sarif-om's Suppression predates the final schema's `status` property
        result.suppressions = [
            {"kind": s.kind, "status": s.status, "justification": s.justification,
             "properties": dict(s.properties) or None}
            for s in finding.suppressions
        ]
    if finding.baseline_state:
        result.baseline_state = finding.baseline_state
    if finding.flow:
        result.code_flows = [_code_flow(finding)]
    return result


def _code_flow(finding: Finding) -> om.CodeFlow:
    steps = []
    for i, step in enumerate(finding.flow):
        loc = step.location
        region = om.Region(start_line=loc.start_line, start_column=loc.start_column)
        steps.append(om.ThreadFlowLocation(
            location=om.Location(
                physical_location=om.PhysicalLocation(artifact_location=_artifact(loc.path),
                                                      region=region),
                message=om.Message(text=_sentence(step.message))),
            nesting_level=0, execution_order=i + 1,
            kinds=["source"] if i == 0 else (["sink"] if i == len(finding.flow) - 1
                                             else ["step"])))
    return om.CodeFlow(
        message=om.Message(text=_sentence(f"{finding.flow[0].message} reaches "
                                          f"{finding.flow[-1].message}")),
        thread_flows=[om.ThreadFlow(locations=steps)])


def _notification(note: Notification) -> om.Notification:
    n = om.Notification(message=om.Message(text=_sentence(note.message)), level=note.level,
                        descriptor=om.ReportingDescriptorReference(id=note.kind.value))
    if note.path:
        n.locations = [om.Location(physical_location=om.PhysicalLocation(
            artifact_location=_artifact(note.path)))]
    return n


def _run(run: ScannerRun, result: ScanResult, *, first: bool,
         verdict: Verdict | None) -> om.Run:
    findings = list(run.findings)
    rules = dict(run.rules)
    for f in findings:  # a finding fixed since a baseline may name a rule no longer in the run
        rules.setdefault(f.rule_id, Rule(id=f.rule_id, name=f.rule_id.rsplit(".", 1)[-1],
                                         short_description=f"Rule {f.rule_id}",
                                         severity=f.severity, cwe=f.cwe,
                                         owasp_2025=f.owasp_2025, owasp_2021=f.owasp_2021))
    rule_ids = list(rules)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    notes = list(run.notifications) + (list(result.notifications) if first else [])
    driver = om.ToolComponent(
        name=run.tool.name,
        full_name=run.tool.full_name or f"{run.tool.name} (via secsdlc {__version__})",
        version=run.tool.version or "unknown",
        information_uri=run.tool.information_uri,
        rules=[_rule(rules[rid], findings) for rid in rule_ids],
    )
    invocation = om.Invocation(
        execution_successful=run.succeeded,
        tool_execution_notifications=[_notification(n) for n in notes] or None,
        start_time_utc=run.start_time_utc,
        end_time_utc=run.end_time_utc,
    )
    invocation.properties = {"secsdlc/mode": result.mode}
    if verdict is not None:
        # the decision this file was part of, for stores that record gate history
        invocation.properties["secsdlc/gate"] = "pass" if verdict.passed else "fail"
    root_uri = Path(result.root).resolve().as_uri().rstrip("/") + "/"
    return om.Run(
        tool=om.Tool(driver=driver),
        automation_details=om.RunAutomationDetails(id=automation_id(run.tool.name)),
        invocations=[invocation],
        original_uri_base_ids={SRCROOT: om.ArtifactLocation(uri=root_uri)},
        results=[_result(f, index[f.rule_id]) for f in findings],
        column_kind="unicodeCodePoints",
        properties={"secsdlc": {"version": __version__, "durationSeconds": run.duration_s}},
    )


def _serialize(value: Any) -> Any:
    """attrs objects -> JSON using the schema's property names, leaving out unset values."""
    if attr.has(type(value)):
        out: dict[str, Any] = {}
        for field in attr.fields(type(value)):
            item = getattr(value, field.name)
            if item is None or (item == field.default and field.name not in _ALWAYS):
                continue
            out[field.metadata.get("schema_property_name", field.name)] = _serialize(item)
        return out
    if isinstance(value, Mapping):
        return {str(k): _serialize(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_serialize(v) for v in value]
    return value


# Written even when equal to sarif-om's default, because consumers read them explicitly.
_ALWAYS = frozenset({"level", "kind", "execution_successful", "results", "version"})
