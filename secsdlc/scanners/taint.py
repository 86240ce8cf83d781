"""secsdlc's own taint analysis as a scanner: untrusted input followed across functions and
modules of the project to the calls it must not reach, each result with its path."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import replace

from secsdlc import __version__
from secsdlc.files import matches
from secsdlc.flow import analysis
from secsdlc.flow.frames import DEFAULT_BUDGET
from secsdlc.flow.interp import Report
from secsdlc.flow.models import Kind, ModelError, Models, load
from secsdlc.gate.scopes import TEST_CODE
from secsdlc.model import (
    Confidence,
    Finding,
    FlowStep,
    Location,
    Notification,
    NotificationKind,
    Rule,
    RuleId,
    ScannerName,
)
from secsdlc.owasp import categories
from secsdlc.scanners.interface import (
    AnalysedCall,
    OptionType,
    ScannerError,
    ScannerOutput,
    ScanRequest,
)

NAME = ScannerName("taint")
RULE_PREFIX = "secsdlc.taint."


def rule_id(kind: Kind) -> RuleId:
    return RuleId(RULE_PREFIX + kind.title.lower().replace(" ", "-").replace("'", ""))


class TaintScanner:
    name = "taint"
    project_wide = True  # a flow crosses files: a diff-aware scan gives it the whole project
    information_uri = "https://github.com/secsdlc/secsdlc/blob/main/docs/analysis.md"
    options: Mapping[str, OptionType] = {
        "models": list,  # extra model files (YAML), relative to the scan root
        "budget": int,  # evaluation steps per analysed function
        "test-roots": bool,  # analyse test code's functions as entry points too
        "timeout": (int, float),
    }

    def version(self) -> str:
        return f"{__version__} (Python {sys.version_info.major}.{sys.version_info.minor} grammar)"

    def applies_to(self, path: str) -> bool:
        return path.endswith((".py", ".pyw"))

    def scan(self, request: ScanRequest) -> ScannerOutput:
        models = _models(request)
        budget = request.options.get("budget", DEFAULT_BUDGET)
        if not isinstance(budget, int) or isinstance(budget, bool) or budget <= 0:
            raise ScannerError("option 'budget' must be a positive integer")
        test_roots = request.options.get("test-roots", False)
        if not isinstance(test_roots, bool):
            raise ScannerError("option 'test-roots' must be true or false")
        # Tests call application code with values they chose; what they find blocks nothing
        # (the policy's tests scope) and costs most of a large project's analysis.
        result = _involving(analysis.analyse(
            request.root, request.files, models, budget=budget, cache=request.cache,
            roots=None if test_roots else lambda path: not matches(path, TEST_CODE)),
            request.report_only)
        findings = tuple(_finding(r, models) for r in result.reports)
        rules = {rule_id(models.kinds[r.kind]): _rule(models.kinds[r.kind])
                 for r in result.reports}
        notes = tuple(_notification(s) for s in result.skipped)
        if result.unrooted:
            notes += (Notification(
                kind=NotificationKind.INFO, scanner=NAME,
                message=f"{result.unrooted} file(s) of test code read by the taint analysis only "
                        f"where application code calls them, not as entry points "
                        f"([scanners.taint] test-roots = true analyses them too)"),)
        calls = tuple(
            AnalysedCall(path=path, line=line, cwe=models.kinds[kind].cwe, proven_safe=safe,
                         reason=f"secsdlc's taint analysis found this "
                                f"{models.kinds[kind].title.lower()} sink harmless in every "
                                f"context it analysed (what reaches it constant or sanitized, "
                                f"or the call made safely: a safe loader, a body not HTML)"
                         if safe else "")
            for (path, line, kind), safe in sorted(result.proofs.items()))
        return ScannerOutput(findings=findings, rules=rules, notifications=notes,
                             analysed_calls=calls)


def _involving(result: analysis.Result, paths: frozenset[str] | None) -> analysis.Result:
    """What concerns `paths`: a path from source to sink with a step in one of them, and the
    calls and skipped code in them (None: everything)."""
    if paths is None:
        return result
    return replace(
        result,
        reports=tuple(r for r in result.reports if any(s.path in paths for s in r.trace)),
        proofs={call: ok for call, ok in result.proofs.items() if call[0] in paths},
        skipped=tuple(s for s in result.skipped if s.path in paths))


def _models(request: ScanRequest) -> Models:
    extra = request.options.get("models", [])
    if not isinstance(extra, list) or not all(isinstance(p, str) for p in extra):
        raise ScannerError("option 'models' must be a list of file names")
    try:
        return load(request.root / p for p in extra)
    except ModelError as e:
        raise ScannerError(str(e)) from e


def short_path(report: Report) -> str:
    return " -> ".join(f"{s.note} ({s.path}:{s.line})" for s in report.trace[:-1]) + \
        f" -> {report.trace[-1].note}"


def _finding(report: Report, models: Models) -> Finding:
    kind = models.kinds[report.kind]
    source = report.trace[0]
    y2025, y2021 = categories((kind.cwe,))
    sink = report.sink
    at = report.location
    return Finding(
        rule_id=rule_id(kind),
        scanners=(NAME,),
        message=f"{kind.title}: {source.note} ({source.path}:{source.line}) reaches "
                f"{sink.note}" + (f" ({sink.path}:{sink.line})" if at != sink else ""),
        severity=kind.severity,
        confidence=Confidence.HIGH,
        location=Location(path=at.path, start_line=at.line, start_column=at.col),
        cwe=(kind.cwe,),
        owasp_2025=y2025,
        owasp_2021=y2021,
        fix_hint=kind.fix,
        properties={"path": short_path(report),
                    "source": f"{source.path}:{source.line}",
                    "sink": f"{sink.path}:{sink.line}"},
        flow=tuple(FlowStep(location=Location(path=s.path, start_line=s.line,
                                              start_column=s.col), message=s.note)
                   for s in report.trace),
    )


def _rule(kind: Kind) -> Rule:
    y2025, y2021 = categories((kind.cwe,))
    return Rule(
        id=rule_id(kind),
        name=kind.title.lower().replace(" ", "-"),
        short_description=f"{kind.title}: untrusted input reaches a dangerous call",
        full_description=f"Data from a request reaches a call where it can change what the "
                         f"call does ({kind.title.lower()}). The result's code flow shows each "
                         f"step from the source to the sink.",
        help_text=kind.fix,
        severity=kind.severity,
        cwe=(kind.cwe,),
        owasp_2025=y2025,
        owasp_2021=y2021,
    )


def _notification(skipped: analysis.Skipped) -> Notification:
    where = f"{skipped.path}" + (f", function {skipped.function}" if skipped.function else "")
    return Notification(
        kind=NotificationKind.SKIPPED_FILE if skipped.function is None
        else NotificationKind.WARNING,
        scanner=NAME,
        path=skipped.path,
        message=f"{where}: not analysed for data flow: {skipped.reason}; its calls keep the "
                f"other scanners' severities",
    )


