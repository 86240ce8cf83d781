"""What every scanner that wraps a command-line tool does the same way: find the executable, ask
its version, run it and read its JSON, turning each way that can fail into a ScannerError."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from secsdlc import process
from secsdlc.scanners.interface import ScannerOutputError, ScannerTimeout, ScannerUnavailable


def executable_env(name: str) -> str:
    return f"SECSDLC_{name.upper().replace('-', '_')}_EXECUTABLE"


def configured(name: str) -> str:
    """$SECSDLC_<NAME>_EXECUTABLE, else the user-level configuration's program; "" for none."""
    from secsdlc import user_config

    return os.environ.get(executable_env(name), "").strip() or user_config.executable(name) or ""


def executable(name: str, options: Mapping[str, object] | None = None) -> str:
    """The configured program (see `configured`), else the tool installed beside secsdlc or on
    PATH.

    Never a repository file's setting: a commit must not choose the program CI runs (on
    pull_request_target that would be code execution with a write token). `options` is accepted
    for the scanners' call sites and its `executable` ignored; configuration drops it with a
    warning.
    """
    program = configured(name)
    if program:
        return program
    found = process.which(name)
    if found is None:
        raise ScannerUnavailable(f"{name} is not installed (pip install {name})")
    return found


def version(name: str, *, env: Mapping[str, str] | None = None,
            parse: Callable[[str], str] = str.strip) -> str:
    """The installed distribution's version, without starting the tool; else ask the tool."""
    exe = executable(name)
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        pass  # a tool installed outside Python's view (a standalone binary): ask it
    try:
        rc, out, err = process.run([exe, "--version"], timeout=120, env=env)
    except process.ProcessError as e:
        raise ScannerUnavailable(str(e)) from e
    if rc != 0 or not out.strip():
        raise ScannerUnavailable(f"{name} --version failed: {err.strip()[:200]}")
    return parse(out)


def run_json(name: str, cmd: Sequence[str], *, cwd: Path, timeout: float,
             env: Mapping[str, str] | None = None,
             exit_codes: frozenset[int] | None = None) -> dict[str, Any]:
    """Run the tool; its JSON report, which must be an object with a "results" list.

    `exit_codes`: the statuses the tool documents for a finished run; any other fails the run
    even when the output parses (a wrapper that prints an empty report and exits 2).
    """
    try:
        rc, out, err = process.run(cmd, timeout=timeout, cwd=cwd, env=env)
    except process.ProcessTimeout as e:
        raise ScannerTimeout(str(e)) from e
    except process.ProcessError as e:
        raise ScannerUnavailable(str(e)) from e
    try:
        doc = json.loads(out)
    except json.JSONDecodeError as e:
        raise ScannerOutputError(
            f"{name} exited {rc} without JSON output: {err.strip()[-300:]}") from e
    if not isinstance(doc, dict) or not isinstance(doc.get("results"), list):
        raise ScannerOutputError(f"{name} exited {rc} with unexpected JSON")
    if exit_codes is not None and rc not in exit_codes:
        raise ScannerOutputError(f"{name} exited {rc}, not one of its documented statuses "
                                 f"({', '.join(str(c) for c in sorted(exit_codes))}): "
                                 f"{err.strip()[-300:]}")
    doc["_returncode"] = rc
    return doc
