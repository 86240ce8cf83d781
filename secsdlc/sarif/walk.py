"""The walk over a SARIF document: its runs, their invocations and results, into a SarifLog.

Strict where meaning is at stake (version, runs, invocations, gate outcomes), lenient on what it
does not use; each result is read by `secsdlc.sarif.results`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urlparse

from secsdlc import fingerprint
from secsdlc.model import (
    Notification,
    NotificationKind,
    ScannerName,
    ScannerRun,
    ScanResult,
    ToolInfo,
)
from secsdlc.sarif.checked import Checked
from secsdlc.sarif.results import ReadResult, read_result
from secsdlc.sarif.rules import RuleIndex
from secsdlc.sarif.terms import uri_path

_KIND = {k.value: k for k in NotificationKind}
# result kinds that report no problem
_NOT_PROBLEMS = frozenset({"pass", "notApplicable"})


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


def document(check: Checked, doc: Any, digest: str) -> SarifLog:
    doc = check.obj(doc, "$")
    if doc.get("version") != "2.1.0":
        raise check.fail("$.version",
                         f'must be "2.1.0" (SARIF 2.1.0), got {doc.get("version")!r}')
    if "runs" not in doc:
        raise check.fail("$.runs", "missing")
    runs = check.arr(doc, "runs", "$")
    root = ""
    out_runs: list[ScannerRun] = []
    results: list[ReadResult] = []
    facts = _Facts()
    for i, run in enumerate(runs):
        where = f"$.runs[{i}]"
        try:
            scanner_run, read = _run(check, check.obj(run, where), where, facts)
            base = (run.get("originalUriBaseIds") or {}).get("%SRCROOT%", {})
        except (AttributeError, TypeError, ValueError, KeyError, IndexError,
                OverflowError) as e:
            # a value of the wrong type somewhere in the run: no decision can rest on it
            raise check.fail(where, f"malformed ({type(e).__name__}: {e})") from None
        out_runs.append(scanner_run)
        results += read
        if not root and isinstance(base, dict) and str(base.get("uri", "")).startswith("file:"):
            root = unquote(urlparse(str(base["uri"])).path).rstrip("/") or "/"
    return SarifLog(
        source=check.source, digest=digest,
        scan=ScanResult(root=root or ".", runs=tuple(out_runs)), results=tuple(results),
        # bandit writes only an end time: better than "now" for a scan recorded later
        started_at=min(facts.starts) if facts.starts else min(facts.ends, default=None),
        commit=facts.commit, branch=facts.branch, gate_passed=facts.gate)


def _run(check: Checked, run: Mapping[str, Any], where: str,
         facts: _Facts) -> tuple[ScannerRun, list[ReadResult]]:
    tool = check.obj(run.get("tool"), f"{where}.tool")
    driver = tool.get("driver")
    if not isinstance(driver, dict) or not isinstance(driver.get("name"), str) \
            or not driver["name"]:
        raise check.fail(f"{where}.tool.driver.name", "missing")
    name = ScannerName(driver["name"])
    index = RuleIndex(check, tool, driver, where)
    invocations = [check.obj(inv, f"{where}.invocations[{j}]")
                   for j, inv in enumerate(check.arr(run, "invocations", where))]
    succeeded = True
    for j, inv in enumerate(invocations):
        inv_where = f"{where}.invocations[{j}]"
        for key, times in (("startTimeUtc", facts.starts), ("endTimeUtc", facts.ends)):
            when = check.time(inv, key, inv_where)
            if when is not None:
                times.append(when)
        ok = inv.get("executionSuccessful", True)
        if not isinstance(ok, bool):
            raise check.fail(f"{inv_where}.executionSuccessful", "must be true or false")
        succeeded = succeeded and ok
        facts.add_gate(_gate(check, check.opt_obj(inv, "properties", inv_where),
                             f"{inv_where}.properties"))
    facts.add_gate(_gate(check, check.opt_obj(run, "properties", where), f"{where}.properties"))
    for j, vcp in enumerate(check.arr(run, "versionControlProvenance", where)):
        vwhere = f"{where}.versionControlProvenance[{j}]"
        vcp = check.obj(vcp, vwhere)
        facts.commit = facts.commit or check.opt_str(vcp, "revisionId", vwhere)
        facts.branch = facts.branch or check.opt_str(vcp, "branch", vwhere)
    # SARIF: a run without a results array is a tool that produced none, not a clean one
    succeeded = succeeded and run.get("results") is not None
    artifacts = check.arr(run, "artifacts", where)
    guesses: list[Notification] = []
    read: list[ReadResult] = []
    for k, raw in enumerate(check.arr(run, "results", where)):
        rwhere = f"{where}.results[{k}]"
        result = check.obj(raw, rwhere)
        if result.get("kind") in _NOT_PROBLEMS:
            continue
        read.append(read_result(check, result, rwhere, name, index, artifacts, guesses))
    findings = [r.finding for r in read]
    if any(not f.fingerprint for f in findings):
        findings = fingerprint.assign(findings)
    elif any(not f.lifecycle_key for f in findings):
        findings = fingerprint.assign(findings, decision=False)
    notes = [_notification(n, name) for inv in invocations
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


def _gate(check: Checked, props: Mapping[str, Any], where: str) -> bool | None:
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
        raise check.fail(f"{where}.{key}", f'must be "pass" or "fail", got {value!r}')
    return None


def _notification(raw: Mapping[str, Any], scanner: ScannerName) -> Notification:
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
