"""Helpers shared by the command modules (loading, progress, writing reports)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from secsdlc import config as config_mod
from secsdlc import sanitize
from secsdlc.gate.interface import Verdict
from secsdlc.model import ScanResult
from secsdlc.scanners.interface import Scanner


def load_scanners_and_config(
    config_path: Path | None, root: Path, scanners_arg: str | None
) -> tuple[dict[str, Scanner], config_mod.Config]:
    from secsdlc import decision

    scanners, config, warnings = decision.load_scanners_and_config(config_path, root,
                                                                   scanners_arg)
    print_warnings(warnings)
    return scanners, config


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


def write_outputs(result: ScanResult, verdict: Verdict, *, fmt: str, output: Path | None,
                  sarif: Path | None, show_info: bool = False) -> None:
    if sarif is not None:
        write_file(sarif, render(result, verdict, "sarif", color=False))
    if output is not None:
        write_file(output, render(result, verdict, fmt, color=False, show_info=show_info))
    else:
        sys.stdout.write(render(result, verdict, fmt, color=sys.stdout.isatty(),
                                show_info=show_info))
        sys.stdout.flush()


def write_file(path: Path, content: str) -> None:
    """Write atomically, so a reader (a CI upload step) never sees half a report."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
