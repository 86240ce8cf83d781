"""Helpers shared by the command modules (warnings, progress, writing reports)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from secsdlc import sanitize
from secsdlc.fileio import check_distinct, check_output, write_atomic
from secsdlc.gate.interface import Verdict
from secsdlc.model import ScanResult


def print_warnings(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        print(f"secsdlc: warning: {sanitize.terminal(warning)}", file=sys.stderr)


class Progress:
    """A live line on stderr naming the scanners still running (TTY only)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.running: set[str] = set()
        self._status: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console

            self._status = Console(stderr=True).status("scanning...")
            self._status.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._status is not None:
            self._status.stop()

    def update(self, scanner: str, state: str) -> None:
        if state == "started":
            self.running.add(scanner)
        else:
            self.running.discard(scanner)
        if self._status is not None:
            names = ", ".join(sorted(self.running)) or "finishing"
            self._status.update(f"scanning: {names}")


def render(result: ScanResult, verdict: Verdict, fmt: str, *, color: bool,
           show_info: bool = False) -> str:
    if fmt == "sarif":
        from secsdlc.sarif.writer import dumps

        return dumps(result, verdict)
    if fmt == "json":
        from secsdlc.report import jsonout

        return jsonout.render(result, verdict)
    if fmt == "markdown":
        from secsdlc.report import markdown

        return markdown.render(result, verdict)
    import io

    from secsdlc.report import text

    buffer = io.StringIO()
    text.render(result, verdict, buffer, color=color, show_info=show_info)
    return buffer.getvalue()


def check_outputs(output: Path | None, sarif: Path | None, *,
                  sarif_flag: str = "--sarif") -> None:
    """Before the scan: a long scan must not end in a path error."""
    for what, path in (("--output", output), (sarif_flag, sarif)):
        if path is not None:
            check_output(path, what)
    check_distinct((("--output", output), (sarif_flag, sarif)))


def write_outputs(result: ScanResult, verdict: Verdict, *, fmt: str, output: Path | None,
                  sarif: Path | None, show_info: bool = False,
                  sarif_flag: str = "--sarif") -> None:
    if sarif is not None:
        write_atomic(sarif, render(result, verdict, "sarif", color=False), sarif_flag)
    if output is not None:
        write_atomic(output, render(result, verdict, fmt, color=False, show_info=show_info),
                   "--output")
    else:
        sys.stdout.write(render(result, verdict, fmt, color=sys.stdout.isatty(),
                                show_info=show_info))
        sys.stdout.flush()



write_file = write_atomic  # the name secsdlc.ci.github imports
