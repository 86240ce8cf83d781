"""The matcher against a straightforward evaluation of the OSV rules, over the shipped database.

The expected answers are computed here from the database's raw rows with the OSV specification's
own algorithm (walk the sorted events, flip `affected` on each one at or below the version), not
with the interval compilation the matcher uses. Every package in the snapshot is checked at every
version its records mention and at neighbours of those versions (pre-, post- and next releases),
where off-by-one mistakes would show.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from pathlib import Path

from packaging.version import InvalidVersion, Version

from secsdlc.deps.audit import audit
from secsdlc.deps.interface import Dependency, PackageName
from secsdlc.deps.store import Store
from tests.resources import OSV_PYPA_SLICE

UNKNOWN = "unknown"
PER_PACKAGE = 40


@functools.cache
def _v(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def spec_is_affected(version: str, ranges: list, versions: list[str]) -> bool | str:
    """OSV spec evaluation of one `affected` entry: True, False or UNKNOWN."""
    v = _v(version)
    assert v is not None
    for listed in versions:
        lv = _v(listed)
        if (lv is not None and lv == v) or listed.strip().lower() == version.lower():
            return True
    answer: bool | str = False
    for rtype, events in ranges:
        if rtype == "GIT":
            continue
        if rtype not in ("ECOSYSTEM", "SEMVER"):
            answer = UNKNOWN
            continue
        parsed = []
        for kind, value in events:
            if kind not in ("introduced", "fixed", "last_affected"):
                parsed = None
                break
            pv = Version("0") if (kind == "introduced" and value == "0") else _v(value)
            if pv is None:
                parsed = None
                break
            parsed.append((pv, kind, value))
        if parsed is None:
            answer = UNKNOWN
            continue
        affected = False
        for pv, kind, value in sorted(parsed, key=lambda e: e[0]):
            if kind == "introduced" and (value == "0" or v >= pv):
                affected = True
            elif kind == "fixed" and v >= pv:  # noqa: SIM114 - the spec's own wording
                affected = False
            elif kind == "last_affected" and v > pv:
                affected = False
        if affected:
            return True
    return answer


def neighbours(text: str) -> set[str]:
    v = _v(text)
    if v is None:
        return set()
    release = list(v.release)
    out = {str(v), ".".join(map(str, release))}
    bumped = [*release[:-1], release[-1] + 1]
    out.add(".".join(map(str, bumped)))
    out.add(".".join(map(str, [*release, 1])))
    if release[-1] > 0:
        out.add(".".join(map(str, [*release[:-1], release[-1] - 1])))
    base = ".".join(map(str, release))
    if v.pre is None and v.post is None and v.dev is None:
        out |= {f"{base}a1", f"{base}rc1", f"{base}.post1", f"{base}.dev0"}
    return out


def sample(db: Path) -> tuple[dict[str, set[str]], dict[str, list]]:
    raw = sqlite3.connect(db)
    withdrawn = {
        vid for vid, data in raw.execute("SELECT id, data FROM advisory")
        if json.loads(data)["withdrawn"]
    }
    entries: dict[str, list] = {}
    versions: dict[str, set[str]] = {}
    for package, vid, data in raw.execute("SELECT package, advisory, data FROM affected"):
        row = json.loads(data)
        if vid not in withdrawn:
            entries.setdefault(package, []).append((vid, row["r"], row["v"]))
        mentioned = versions.setdefault(package, {"0.0.1", "999.0"})
        for _, events in row["r"]:
            for _, value in events:
                mentioned |= neighbours(value)
        for listed in row["v"]:
            mentioned |= neighbours(listed)
    raw.close()
    # An even spread of at most PER_PACKAGE versions per package keeps the test fast while still
    # covering every package (django alone mentions two thousand versions).
    spread = {}
    for package, mentioned in versions.items():
        ordered = sorted(mentioned, key=lambda t: (_v(t) or Version("0"), t))
        step = max(1, len(ordered) // PER_PACKAGE)
        spread[package] = set(ordered[::step])
    return spread, entries


def test_matcher_agrees_with_spec_evaluation_on_the_shipped_database(shipped_db: Path) -> None:
    versions, entries = sample(shipped_db)
    deps = []
    expected: dict[tuple[str, str], tuple[frozenset[str], bool]] = {}
    for package, mentioned in versions.items():
        for version in sorted(mentioned):
            affected: set[str] = set()
            unknown = False
            for vid, ranges, listed in entries.get(package, []):
                answer = spec_is_affected(version, ranges, listed)
                if answer is True:
                    affected.add(vid)
                elif answer == UNKNOWN:
                    unknown = True
            expected[(package, version)] = (frozenset(affected), unknown)
            deps.append(Dependency(name=PackageName(package), path="x", line=1,
                                   version=version))
    with Store(shipped_db) as store:
        result = audit(store, deps)
    got: dict[tuple[str, str], set[str]] = {}
    for hit in result.hits:
        key = (hit.dependency.name, hit.dependency.version or "")
        got.setdefault(key, set()).update(a.id for a in hit.advisories)
    unaudited = {(d.name, d.version or "") for d, _ in result.unaudited}

    mismatches = [
        (key, sorted(exp), sorted(got.get(key, set())), unknown, key in unaudited)
        for key, (exp, unknown) in expected.items()
        if exp != got.get(key, set()) or unknown != (key in unaudited)
    ]
    assert not mismatches, mismatches[:10]
    # The sample is broad and exercises every outcome.
    assert len(versions) > 600
    assert len(expected) > 20000
    assert sum(1 for exp, _ in expected.values() if exp) > 5000
    assert sum(1 for exp, _ in expected.values() if not exp) > 1500
    assert any(unknown for _, unknown in expected.values())


def test_shipped_database_holds_the_source_records_verbatim(shipped_db: Path) -> None:
    """Every event and listed version of the YAML source is in the snapshot as written."""
    import yaml

    raw = sqlite3.connect(shipped_db)
    stored = {
        (vid, package): json.loads(data)
        for package, vid, data in raw.execute("SELECT package, advisory, data FROM affected")
    }
    raw.close()
    files = sorted(OSV_PYPA_SLICE.rglob("*.yaml"))  # a seventh, spread over the alphabet
    assert len(files) > 350
    for path in files:
        text = path.read_text(encoding="utf-8")
        record = yaml.load(text, Loader=yaml.BaseLoader)
        for affected in record["affected"]:
            from packaging.utils import canonicalize_name

            row = stored[(record["id"], canonicalize_name(affected["package"]["name"]))]
            assert row["v"] == affected.get("versions", []), path
            events = [[[k, v] for e in r["events"] for k, v in e.items()]
                      for r in affected.get("ranges", [])]
            assert [r[1] for r in row["r"]] == events, path
