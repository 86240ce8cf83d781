"""Markdown, for pull-request comments and CI job summaries."""

from __future__ import annotations

from secsdlc.gate.interface import Verdict
from secsdlc.model import ScanResult, Severity
from secsdlc.report.summary import by_owasp, by_severity, reportable
from secsdlc.sanitize import markdown_cell as _cell
from secsdlc.sanitize import markdown_url


def render(result: ScanResult, verdict: Verdict, *, link_base: str = "") -> str:
    lines = ["## secsdlc", "", f"Mode: {result.mode}", ""]
    lines.append("**Gate: passed**" if verdict.passed
                 else f"**Gate: failed** - {_cell('; '.join(verdict.reasons))}")
    counts = by_severity(result.findings)
    lines += ["", "| " + " | ".join(s.value for s in Severity) + " |",
              "|" + "---|" * len(Severity),
              "| " + " | ".join(str(counts[s.value]) for s in Severity) + " |", ""]
    owasp = by_owasp(result.findings)
    if owasp:
        lines += ["| OWASP Top 10:2025 | findings |", "|---|---|"]
        lines += [f"| {_cell(k)} | {v} |" for k, v in owasp.items()]
        lines.append("")
    findings = reportable(result.findings)
    if findings:
        lines += ["| severity | location | rule | message |", "|---|---|---|---|"]
        for f in findings:
            where = _cell(f"{f.location.path}:{f.location.start_line}")
            if link_base:
                url = markdown_url(f"{link_base}/{f.location.path}#L{f.location.start_line}")
                where = f"[{where}]({url})"
            lines.append(f"| {f.severity.value} | {where} | `{_cell(f.rule_id)}` | "
                         f"{_cell(f.message.splitlines()[0] if f.message else '')} |")
        lines.append("")
    problems = [n for n in result.all_notifications if n.level == "error"]
    if problems:
        lines += ["**Scanner problems**", ""] + [f"- {_cell(n.message)}" for n in problems]
        lines.append("")
    return "\n".join(lines)
