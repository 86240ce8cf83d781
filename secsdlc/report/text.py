"""The default terminal report: findings grouped by severity, file:line first."""

from __future__ import annotations

from collections import Counter
from typing import IO

from rich.console import Console
from rich.markup import escape

from secsdlc import __version__
from secsdlc.gate.interface import Verdict
from secsdlc.model import ScanResult, Severity
from secsdlc.report.summary import baseline_counts, by_severity, reportable
from secsdlc.sanitize import terminal

_MAX_REASONS = 3
MAX_LISTED = 500
_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}


def render(result: ScanResult, verdict: Verdict, stream: IO[str], *, color: bool,
           show_info: bool = False) -> None:
    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False,
                      width=120 if not color else None, soft_wrap=True)
    scanners = ", ".join(r.tool.name for r in result.runs) or "no scanner"
    console.print(f"[bold]secsdlc {__version__}[/bold] scanned with "
                  f"{escape(terminal(scanners))} ({result.mode} mode)")
    findings = [f for f in result.findings if f.baseline_state != "absent"]
    active = reportable(findings)  # sorted
    shown = [f for f in active if show_info or f.severity is not Severity.INFO]
    per_severity = Counter(f.severity for f in shown)
    current: Severity | None = None
    for f in shown[:MAX_LISTED]:
        if f.severity is not current:
            current = f.severity
            console.print(f"\n[{_STYLE[current]}]{current.value.upper()}[/] "
                          f"({per_severity[current]})")
        loc = terminal(f"{f.location.path}:{f.location.start_line}")
        tools = terminal("+".join(f.scanners))
        console.print(f"  [bold]{escape(loc)}[/bold]  {escape(terminal(f.rule_id))}  "
                      f"[dim]\\[{escape(tools)}] "
                      f"{escape(', '.join(f'CWE-{c}' for c in f.cwe))}[/dim]")
        first = f.message.splitlines()[0] if f.message else ""
        console.print(f"      {escape(terminal(first))}")
        if f.fix_hint:
            console.print(f"      [green]fix:[/green] {escape(terminal(f.fix_hint))}")
    if len(shown) > MAX_LISTED:
        # the JSON and SARIF outputs keep every finding; a terminal shows what a person reads
        console.print(f"\n  ... and {len(shown) - MAX_LISTED} more finding(s) not listed: "
                      "see --format json or --sarif")
    hidden = len(active) - len(shown)
    # notes (informational) stay in SARIF and JSON; a commit hook shows only what needs action
    notes = [n for n in result.all_notifications if n.level != "note"]
    if notes:
        console.print("\n[bold]Notifications[/bold]")
        for n in notes:
            style = "red" if n.level == "error" else "yellow" if n.level == "warning" else "dim"
            console.print(f"  [{style}]{n.level}[/]  {escape(terminal(n.message))}")
    counts = by_severity(active)
    summary = ", ".join(f"{counts[s.value]} {s.value}" for s in Severity)
    suppressed = sum(1 for f in findings if f.suppressed)
    states = baseline_counts(result.findings)
    extra = []
    if suppressed:
        extra.append(f"{suppressed} suppressed")
    if states["unchanged"]:
        extra.append(f"{states['unchanged']} pre-existing not shown")
    if states["absent"]:
        extra.append(f"{states['absent']} fixed")
    if hidden:
        extra.append(f"{hidden} info not shown")
    console.print(f"\n[bold]Findings:[/bold] {summary}"
                  + (f" ({', '.join(extra)})" if extra else ""))
    if verdict.passed:
        console.print("[bold green]Gate: passed[/bold green]")
    else:
        reasons = list(verdict.reasons[:_MAX_REASONS])
        if len(verdict.reasons) > _MAX_REASONS:
            reasons.append(f"and {len(verdict.reasons) - _MAX_REASONS} more")
        console.print(f"[bold red]Gate: FAILED[/bold red] - "
                      f"{escape(terminal('; '.join(reasons)))}")
        if not verdict.error:
            console.print(
                "[dim]False positive? Add `# secsdlc: ignore\\[RULE-ID] reason` on the line. "
                "Accepting a risk? Ask your security correspondent for a waiver: "
                "secsdlc waiver request --sarif SCAN.sarif --fingerprint FP --reason TEXT "
                "--expires DATE (fingerprints: in the SARIF written with --sarif).[/dim]"
            )
