"""The contract between the engine and a scanner plugin.

A scanner is any object with these attributes, registered under the entry-point group
`secsdlc.scanners` (the entry point names a class or a zero-argument factory). The engine hands it
the files it said it applies to and gets back findings, the rules they refer to and notifications;
it computes fingerprints, merges duplicates across tools and redacts secrets itself, so a plugin
need not.

A scanner that follows data across files sets the class attribute `project_wide = True`: a
diff-aware scan then hands it every file of each side as a project of its own, with
`ScanRequest.report_only` naming the changed files, instead of the changed files alone.

A scanner that leaves some of its checks to another scanner of the same scan (one of
`ScanRequest.companions`) has two more methods: `leaves_to(request)`, the companions it left
checks to (part of its cache key), and `scan_left(request)`, those checks alone. The engine calls
`scan_left` on the files a companion named in a notification (a file or function it did not
analyse), or on every file when the companion failed, so that what one scanner leaves to another
is never left undone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from secsdlc.cache import ResultCache
from secsdlc.model import Finding, Notification, Rule, RuleId

ENTRY_POINT_GROUP = "secsdlc.scanners"


class ScannerError(Exception):
    """Base error of a scanner: the scanner could not give a trustworthy result.

    The engine turns it into a failed run, which fails the scan closed (exit 2).
    """


class ScannerUnavailable(ScannerError):
    """The tool behind the scanner is not installed or cannot start."""


class ScannerTimeout(ScannerError):
    """The scanner did not finish within its time budget."""


class ScannerOutputError(ScannerError):
    """The tool ran but its output cannot be understood."""


@dataclass(frozen=True, kw_only=True)
class ScanRequest:
    root: Path
    files: tuple[str, ...]  # POSIX paths relative to root, only those the scanner applies to
    options: Mapping[str, object] = field(default_factory=dict)
    timeout: float = 600.0
    # where a scanner may keep intermediate results between scans; None: keep nothing
    cache: ResultCache | None = None
    # the files whose results matter (a diff-aware scan's changed files): a project-wide scanner
    # reports only what involves one of them; None: every file
    report_only: frozenset[str] | None = None
    # the other scanners running in the same scan
    companions: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class AnalysedCall:
    """A dangerous call a data-flow analysis looked at: whether what it receives was proven
    constant or sanitized in every context, so that another tool's result on that call can be
    weighed."""

    path: str
    line: int
    cwe: int
    proven_safe: bool
    reason: str


@dataclass(frozen=True, kw_only=True)
class ScannerOutput:
    findings: tuple[Finding, ...]
    rules: Mapping[RuleId, Rule]
    notifications: tuple[Notification, ...] = ()
    # Values that must never reach any output (found secrets); kept only in memory so that the
    # engine can redact them from every other scanner's messages and snippets too.
    redact: frozenset[str] = frozenset()
    analysed_calls: tuple[AnalysedCall, ...] = ()


# An option's accepted Python type(s) as read from the TOML configuration, or the set of the
# strings it accepts.
OptionType = type | tuple[type, ...] | frozenset[str]


def reads_whole_project(scanner: object) -> bool:
    """Whether the scanner's results on a file depend on the project's other files."""
    return getattr(scanner, "project_wide", False) is True


@runtime_checkable
class Scanner(Protocol):
    name: str
    information_uri: str
    options: Mapping[str, OptionType]

    def version(self) -> str:
        """The underlying tool's version; raise ScannerUnavailable when it is missing."""
        ...

    def applies_to(self, path: str) -> bool:
        """Whether this scanner wants `path` (relative, POSIX). A scanner of `.py` files with a
        true `reads_python_scripts` attribute also gets the Python scripts whose names do not
        end in `.py` (their first line runs python)."""
        ...

    def scan(self, request: ScanRequest) -> ScannerOutput:
        """Scan request.files under request.root; raise a ScannerError when no result is sound."""
        ...
