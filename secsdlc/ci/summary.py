"""The job summary ($GITHUB_STEP_SUMMARY): what a reviewer reads first.

Gate verdict and why, open findings by severity and OWASP category, the new findings linked to
their line at the head commit, waivers expiring within a week, scanner problems, and what was
left out of the code-scanning upload. Nothing here quotes source code: messages are the scanners'
(already redacted), snippets are never shown.

GitHub caps a step summary at 1 MiB; the findings table is cut well before that, with a count of
what is only in the SARIF artifact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from secsdlc.gate.interface import Verdict
from secsdlc.model import Finding, ScanResult, Severity
from secsdlc.report.summary import by_owasp, by_severity, sorted_findings
from secsdlc.sanitize import markdown_cell, markdown_url

MAX_ROWS = 200
MAX_REASONS = 25
MAX_BYTES = 1024 * 1024 - 4096  # GitHub: 1 MiB per step summary
EXPIRY_WINDOW = timedelta(days=7)


@dataclass(frozen=True, kw_only=True)
class ExpiringWaiver:
    waiver_id: str
    finding: Finding
    expires: datetime
    approver: str


@dataclass(frozen=True, kw_only=True)
class SummaryInput:
    result: ScanResult | None  # None: the scan produced nothing to read
    verdict: Verdict
    scope: str  # one line: what was scanned and against what
    new: Sequence[Finding]
    blocking_fingerprints: frozenset[str]
    expiring: Sequence[ExpiringWaiver]
    link: Callable[[Finding], str]  # "" when no link can be made
    repo_path: Callable[[Finding], str]
    upload_note: str = ""
    artifact_note: str = ""


def open_findings(result: ScanResult) -> list[Finding]:
    """Findings still there (a diff-aware scan also reports those fixed, as "absent")."""
    return [f for f in result.findings if f.baseline_state != "absent"]


cell = markdown_cell


def verdict_line(verdict: Verdict) -> str:
    if verdict.passed:
        return "### :white_check_mark: secsdlc gate passed"
    if verdict.error:
        return "### :warning: secsdlc gate failed: the scan could not be checked (fail closed)"
    return "### :x: secsdlc gate failed"


def render(data: SummaryInput) -> str:
    lines = [verdict_line(data.verdict), "", data.scope, ""]
    if data.result is not None:
        lines[3:3] = ["", f"Mode: {data.result.mode}"]
    reasons = list(data.verdict.reasons)
    if reasons:
        lines += [f"- {cell(r)}" for r in reasons[:MAX_REASONS]]
        if len(reasons) > MAX_REASONS:
            lines.append(f"- ... and {len(reasons) - MAX_REASONS} more")
        lines.append("")
    result = data.result
    if result is not None:
        counts = by_severity(open_findings(result))
        lines += ["#### Open findings by severity", "",
                  "| " + " | ".join(s.value for s in Severity) + " | new |",
                  "|" + "---:|" * (len(Severity) + 1),
                  "| " + " | ".join(str(counts[s.value]) for s in Severity)
                  + f" | {len(data.new)} |", ""]
        owasp = by_owasp(open_findings(result))
        if owasp:
            lines += ["#### By OWASP Top 10:2025 category", "", "| category | findings |",
                      "|---|---:|"]
            lines += [f"| {cell(k)} | {v} |" for k, v in owasp.items()]
            lines.append("")
        lines += _new_findings(data)
    lines += _expiring(data)
    if result is not None:
        problems = [n for n in result.all_notifications if n.level == "error"]
        if problems:
            lines += ["#### Scanner problems", ""]
            lines += [f"- {cell(n.message)}" for n in problems[:MAX_REASONS]]
            lines.append("")
    for note in (data.upload_note, data.artifact_note):
        if note:
            lines += [note, ""]
    text = "\n".join(lines) + "\n"
    if len(text.encode("utf-8")) > MAX_BYTES:  # a pathological message length: cut, say so
        text = text.encode("utf-8")[:MAX_BYTES].decode("utf-8", "ignore")
        text += "\n\n(summary cut at GitHub's 1 MiB limit: see the SARIF artifact)\n"
    return text


def _new_findings(data: SummaryInput) -> list[str]:
    new = sorted_findings(data.new)
    if not new:
        return ["No new findings.", ""]
    lines = [f"#### New findings ({len(new)})", "",
             "| | severity | location | rule | message |", "|---|---|---|---|---|"]
    for f in new[:MAX_ROWS]:
        where = f"{data.repo_path(f)}:{f.location.start_line}"
        url = data.link(f)
        location = f"[{cell(where)}]({markdown_url(url)})" if url else cell(where)
        mark = ":x:" if f.fingerprint in data.blocking_fingerprints else ""
        first = f.message.splitlines()[0] if f.message else ""
        lines.append(f"| {mark} | {f.severity.value} | {location} | `{cell(f.rule_id)}` | "
                     f"{cell(first)[:300]} |")
    if len(new) > MAX_ROWS:
        lines.append(f"\n... and {len(new) - MAX_ROWS} more in the SARIF artifact.")
    lines += ["", ":x: blocks the gate.", ""]
    return lines


def _expiring(data: SummaryInput) -> list[str]:
    if not data.expiring:
        return []
    lines = [f"#### Waivers expiring within {EXPIRY_WINDOW.days} days ({len(data.expiring)})",
             "", "| waiver | expires | approver | location | rule |", "|---|---|---|---|---|"]
    for w in sorted(data.expiring, key=lambda w: w.expires)[:MAX_ROWS]:
        f = w.finding
        lines.append(f"| `{cell(w.waiver_id)}` | {w.expires:%Y-%m-%d %H:%M} UTC | "
                     f"{cell(w.approver)} | {cell(data.repo_path(f))}:{f.location.start_line} | "
                     f"`{cell(f.rule_id)}` |")
    lines.append("")
    return lines
