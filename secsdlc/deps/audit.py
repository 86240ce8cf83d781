"""Dependencies against the local OSV database: matches grouped by alias, fix hints, and every
dependency that could not be checked (never counted as clean).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from secsdlc.deps import matcher
from secsdlc.deps.interface import Advisory, Affected, Dependency, PackageName, canonical
from secsdlc.deps.store import Store


@dataclass(frozen=True, kw_only=True)
class Hit:
    """One dependency affected by a group of advisories that are aliases of each other."""

    dependency: Dependency
    advisories: tuple[Advisory, ...]
    fixed_in: str | None  # smallest version fixing this group, None when no fix is known
    fix_hint: str | None  # smallest version fixing every advisory of this dependency


@dataclass(kw_only=True)
class AuditResult:
    hits: list[Hit] = field(default_factory=list)
    # (dependency, why it could not be checked): each one fails the scan.
    unaudited: list[tuple[Dependency, str]] = field(default_factory=list)
    audited: int = 0


def primary_id(ids: Iterable[str]) -> str:
    """PYSEC, then GHSA, then any other id; CVE last (it is not specific to the package)."""

    def rank(vid: str) -> tuple[int, str]:
        for i, prefix in enumerate(("PYSEC-", "GHSA-")):
            if vid.startswith(prefix):
                return (i, vid)
        return (3 if vid.startswith("CVE-") else 2, vid)

    return min(ids, key=rank)


def group_by_alias(advisories: list[Advisory]) -> list[list[Advisory]]:
    """Advisories sharing any id or alias end up in one group (transitively)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for adv in advisories:
        for alias in adv.aliases:
            parent[find(alias)] = find(adv.id)
    groups: dict[str, list[Advisory]] = {}
    for adv in advisories:
        groups.setdefault(find(adv.id), []).append(adv)
    return list(groups.values())


def audit(store: Store, dependencies: Iterable[Dependency]) -> AuditResult:
    result = AuditResult()
    entries_of: dict[PackageName, list[tuple[Advisory, Affected]]] = {}
    for dep in dependencies:
        if dep.version is None:
            continue
        name = canonical(dep.name)  # sources canonicalize already; callers may not
        if name not in entries_of:
            entries_of[name] = store.affected(name)
        matched: dict[str, tuple[Advisory, list[Affected]]] = {}
        problems: list[str] = []
        for advisory, entry in entries_of[name]:
            try:
                if matcher.affects(entry, dep.version):
                    matched.setdefault(advisory.id, (advisory, []))[1].append(entry)
            except matcher.Unknown as e:
                problems.append(f"advisory {advisory.id}: {e}")
        if problems:
            result.unaudited.append((dep, "; ".join(problems)))
        else:
            result.audited += 1
        if not matched:
            continue
        all_entries = [e for _, entries in matched.values() for e in entries]
        fix_hint = matcher.smallest_fix(all_entries, dep.version)
        for group in group_by_alias([adv for adv, _ in matched.values()]):
            group_entries = [e for adv in group for e in matched[adv.id][1]]
            result.hits.append(Hit(
                dependency=dep,
                advisories=tuple(group),
                fixed_in=matcher.smallest_fix(group_entries, dep.version),
                fix_hint=fix_hint,
            ))
    return result


def range_exposure(store: Store, dep: Dependency) -> tuple[str, ...]:
    """Primary ids of the advisories that affect some version an unpinned range allows.

    Only versions the records and the specifier themselves name are tried (there is no release
    list offline), plus "0" for "from the first release": a lower bound, never a guess upward.
    """
    try:
        spec = SpecifierSet(dep.specifier)
    except InvalidSpecifier:
        return ()  # e.g. a Poetry caret constraint: no PEP 440 set to test against
    entries = store.affected(canonical(dep.name))
    candidates: set[str] = {"0"}
    for _, entry in entries:
        candidates.update(v for r in entry.ranges for _, v in r.events)
        candidates.update(entry.versions)
    candidates.update(s.version.removesuffix(".*") for s in spec)
    allowed = [v for v in candidates if matcher.parse_version(v) is not None and spec.contains(v)]
    exposed: dict[str, Advisory] = {}
    for advisory, entry in entries:
        for version in allowed:
            try:
                if matcher.affects(entry, version):
                    exposed[advisory.id] = advisory
                    break
            except matcher.Unknown:
                break
    groups = group_by_alias(list(exposed.values()))
    return tuple(sorted(
        primary_id({a.id for a in g} | {x for a in g for x in a.aliases}) for g in groups
    ))
