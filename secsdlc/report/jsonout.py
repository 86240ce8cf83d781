"""Plain JSON for scripts: the normalized findings, notifications and verdict.

Objects are indented; each element of a list is written on one line. A report of 100,000
findings stays readable line by line, and is encoded by the json module's C encoder (an indented
dump runs its pure-Python one, several times slower and larger in memory).
"""

from __future__ import annotations

import json
from types import GeneratorType
from typing import Any

from secsdlc import __version__
from secsdlc.gate.interface import Verdict
from secsdlc.model import Finding, ScanResult
from secsdlc.report.summary import by_severity, sorted_findings


def _finding(f: Finding) -> dict[str, Any]:
    loc = f.location
    return {
        "rule": f.rule_id,
        "scanners": list(f.scanners),
        "relatedRules": list(f.related_rule_ids),
        "severity": f.severity.value,
        "confidence": f.confidence.value,
        "message": f.message,
        "path": loc.path,
        "startLine": loc.start_line,
        "startColumn": loc.start_column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
        "cwe": [f"CWE-{c}" for c in f.cwe],
        "owasp2025": list(f.owasp_2025),
        "owasp2021": list(f.owasp_2021),
        "snippet": f.snippet,
        "fingerprint": f.fingerprint,
        "helpUri": f.help_uri,
        "fixHint": f.fix_hint,
        "properties": dict(f.properties),
        "suppressed": f.suppressed,
        "suppressions": [{"kind": s.kind, "justification": s.justification,
                          "properties": dict(s.properties)} for s in f.suppressions],
        "baselineState": f.baseline_state,
    }


def render(result: ScanResult, verdict: Verdict) -> str:
    doc = {
        "version": __version__,
        "root": result.root,
        "mode": result.mode,
        "verdict": {"passed": verdict.passed, "reasons": list(verdict.reasons),
                    "error": verdict.error,
                    "blocking": [{"fingerprint": b.finding.fingerprint,
                                  "failOn": b.fail_on.value} for b in verdict.blocking]},
        "counts": by_severity(result.findings),
        "scanners": [{"name": r.tool.name, "version": r.tool.version,
                      "succeeded": r.succeeded, "durationSeconds": r.duration_s,
                      "findings": len(r.findings)} for r in result.runs],
        "findings": (_finding(f) for f in sorted_findings(result.findings)),
        "notifications": [{"level": n.level, "kind": n.kind.value, "scanner": n.scanner,
                           "path": n.path, "message": n.message}
                          for n in result.all_notifications],
    }
    out: list[str] = []
    _write(doc, "", out)
    out.append("\n")
    return "".join(out)


def _write(value: Any, indent: str, out: list[str]) -> None:
    """Append `value` as JSON to `out`: one join at the end, no copy of the large parts."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        out.append("{")
        for n, (k, v) in enumerate(value.items()):
            out.append(f"{',' if n else ''}\n{inner}{json.dumps(str(k), ensure_ascii=False)}: ")
            _write(v, inner, out)
        out.append(f"\n{indent}}}")
    elif isinstance(value, (list, GeneratorType)):
        start = len(out)
        for v in value:  # a generator's items are made and encoded one at a time
            out.append(f",\n{inner}" if len(out) > start else f"[\n{inner}")
            out.append(json.dumps(v, ensure_ascii=False, separators=(", ", ": ")))
        out.append(f"\n{indent}]" if len(out) > start else "[]")
    else:
        out.append(json.dumps(value, ensure_ascii=False))
