"""The contract between dependency sources, the vulnerability store and the scanner.

A source turns one manifest or lock file into `Dependency` values that remember exactly where they
were written, plus `Problem`s for everything it could not understand, so that a bad line is
reported with its file and line instead of silently dropping a dependency.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NewType

from packaging.utils import canonicalize_name

PackageName = NewType("PackageName", str)  # PEP 503 canonical form
VulnId = NewType("VulnId", str)


def canonical(name: str) -> PackageName:
    return PackageName(canonicalize_name(name))


class DepsError(Exception):
    """Base error of the dependency audit."""


class SourceError(DepsError):
    """A whole dependency file could not be read or parsed."""


class DatabaseError(DepsError):
    """The local vulnerability database is missing, unreadable or corrupt."""


class ImportFailed(DepsError):
    """An OSV import produced no usable database (the previous one is left in place)."""


class ServiceUnavailable(DepsError):
    """An online vulnerability service could not answer."""


@dataclass(frozen=True, kw_only=True)
class Problem:
    """Something in an input that could not be understood: it names the file and line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else (
            f"{self.path}: {self.message}"
        )


@dataclass(frozen=True, kw_only=True)
class Dependency:
    """One requirement as written in a file.

    `version` is set only when the requirement pins one exact version (`==1.2`, `===1.2`, a lock
    entry); anything else cannot be audited exactly and becomes an unpinned finding.
    """

    name: PackageName
    path: str  # POSIX, relative to the scan root (absolute for the installed environment)
    line: int
    column: int = 1
    snippet: str = ""  # the requirement's text, as written
    version: str | None = None
    specifier: str = ""
    marker: str = ""
    direct_reference: str = ""  # URL, VCS or local path the requirement installs from
    # Files that pin versions for this one (a `-c` constraint) make an unpinned line auditable.
    constrained: bool = False

    @property
    def pinned(self) -> bool:
        return self.version is not None


@dataclass(frozen=True, kw_only=True)
class SourceResult:
    dependencies: tuple[Dependency, ...] = ()
    problems: tuple[Problem, ...] = ()
    # Other files this one read (requirements includes), relative to the scan root.
    included: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Advisory:
    """One OSV record as the matcher needs it (PyPI part only)."""

    id: VulnId
    aliases: tuple[str, ...] = ()
    summary: str = ""
    details: str = ""
    published: str = ""
    modified: str = ""
    cvss: tuple[str, ...] = ()  # vectors: CVSS_V2/V3/V4 strings
    record_severity: str = ""  # e.g. GHSA's database_specific.severity
    cwes: tuple[int, ...] = ()
    references: tuple[str, ...] = ()
    withdrawn: str = ""


@dataclass(frozen=True, kw_only=True)
class Range:
    type: str  # ECOSYSTEM, SEMVER (evaluated with PEP 440) or an unknown type
    events: tuple[tuple[str, str], ...]  # (kind, version) in record order


@dataclass(frozen=True, kw_only=True)
class Affected:
    """The `affected` entry of one advisory for one package."""

    advisory: VulnId
    package: PackageName
    ranges: tuple[Range, ...] = ()
    versions: tuple[str, ...] = ()
    # Why this entry cannot be evaluated exactly (file:line: problem), "" when it can.
    problem: str = ""
