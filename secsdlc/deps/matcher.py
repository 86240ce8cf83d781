"""Whether a version is affected by an OSV `affected` entry, by the OSV specification.

ECOSYSTEM ranges are turned into half-open intervals once per entry: `introduced` opens one,
`fixed` closes it (exclusive), `last_affected` closes it (inclusive); versions compare by PEP 440.
The explicit `versions` list is matched too (by PEP 440 equality, or by exact text for entries that
are not PEP 440 versions). An entry that cannot be evaluated (invalid version in an event, unknown
range type) never reads as "not affected": the caller gets an `Unknown` and fails closed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from secsdlc.deps.interface import Affected, Range

# Range types whose events are package versions; GIT ranges are commits and are covered for PyPI
# by the `versions` list OSV generates from them.
VERSION_RANGE_TYPES = frozenset({"ECOSYSTEM", "SEMVER"})
IGNORED_RANGE_TYPES = frozenset({"GIT"})
EVENT_KINDS = frozenset({"introduced", "fixed", "last_affected", "limit"})


class Unknown(Exception):
    """The entry cannot tell whether the version is affected."""


@functools.lru_cache(maxsize=65536)
def parse_version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


@dataclass(frozen=True)
class _Interval:
    low: Version | None  # None: from the very first version ("0")
    high: Version | None  # None: open-ended
    high_inclusive: bool

    def contains(self, v: Version) -> bool:
        if self.low is not None and v < self.low:
            return False
        if self.high is None:
            return True
        return v <= self.high if self.high_inclusive else v < self.high


def range_problem(r: Range) -> str:
    """Why this range cannot be evaluated, or ""."""
    if r.type in IGNORED_RANGE_TYPES:
        return ""
    if r.type not in VERSION_RANGE_TYPES:
        return f"unknown range type {r.type!r}"
    for kind, value in r.events:
        if kind not in EVENT_KINDS:
            return f"unknown event {kind!r}"
        if kind == "limit":
            # `limit` bounds GIT ranges; in a version range it would change the meaning silently.
            return "'limit' event in a version range is not supported"
        if kind == "introduced" and value == "0":
            continue
        if parse_version(value) is None:
            return f"{kind} version {value!r} is not a PEP 440 version"
    return ""


def _intervals(r: Range) -> tuple[_Interval, ...]:
    def key(event: tuple[str, str]) -> tuple[int, Version | None]:
        kind, value = event
        if kind == "introduced" and value == "0":
            return (0, None)
        return (1, parse_version(value))

    events = sorted(r.events, key=lambda e: (key(e)[0], key(e)[1] or Version("0")))
    out: list[_Interval] = []
    low: Version | None = None
    open_ = False
    for kind, value in events:
        if kind == "introduced":
            if not open_:
                low = None if value == "0" else parse_version(value)
                open_ = True
        elif open_:
            out.append(_Interval(low, parse_version(value), kind == "last_affected"))
            open_ = False
    if open_:
        out.append(_Interval(low, None, False))
    return tuple(out)


@dataclass(frozen=True)
class CompiledEntry:
    """An `affected` entry prepared for fast repeated checks."""

    entry: Affected
    intervals: tuple[_Interval, ...]
    exact_versions: frozenset[Version]
    exact_texts: frozenset[str]
    problem: str

    def affects(self, version: str) -> bool:
        """Raise Unknown when the answer cannot be known."""
        v = parse_version(version)
        if v is None:
            if version.strip().lower() in self.exact_texts:
                return True
            raise Unknown(f"version {version!r} is not a PEP 440 version")
        if v in self.exact_versions:
            return True
        if self.problem:
            raise Unknown(self.problem)
        return any(i.contains(v) for i in self.intervals)

    def fix_candidates(self) -> Iterable[str]:
        for r in self.entry.ranges:
            if r.type in VERSION_RANGE_TYPES:
                yield from (value for kind, value in r.events if kind == "fixed")


def compile_entry(entry: Affected) -> CompiledEntry:
    return _compile_cached(entry)


@functools.lru_cache(maxsize=16384)
def _compile_cached(entry: Affected) -> CompiledEntry:
    # The importer records where the problem is (file:line); recompute only for bare entries.
    problems = [entry.problem] if entry.problem else [
        p for p in (range_problem(r) for r in entry.ranges) if p
    ]
    intervals: list[_Interval] = []
    if not problems:
        for r in entry.ranges:
            if r.type in VERSION_RANGE_TYPES:
                intervals.extend(_intervals(r))
    exact_versions: set[Version] = set()
    exact_texts: set[str] = set()
    for text in entry.versions:
        v = parse_version(text)
        if v is None:
            exact_texts.add(text.strip().lower())
        else:
            exact_versions.add(v)
    return CompiledEntry(
        entry=entry,
        intervals=tuple(intervals),
        exact_versions=frozenset(exact_versions),
        exact_texts=frozenset(exact_texts),
        problem="; ".join(problems),
    )


def affects(entry: Affected, version: str) -> bool:
    return compile_entry(entry).affects(version)


def smallest_fix(entries: Iterable[Affected], version: str) -> str | None:
    """The smallest version above `version` that none of `entries` affects, among fixed events.

    Returns None when there is none (no fix published for at least one advisory).
    """
    compiled = [compile_entry(e) for e in entries]
    current = parse_version(version)
    candidates: set[Version] = set()
    for c in compiled:
        for text in c.fix_candidates():
            v = parse_version(text)
            if v is not None and (current is None or v > current):
                candidates.add(v)
    for candidate in sorted(candidates):
        text = str(candidate)
        try:
            if not any(c.affects(text) for c in compiled):
                return text
        except Unknown:
            continue
    return None
