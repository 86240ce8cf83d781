"""OSV records (JSON or YAML) into `Advisory` and `Affected` values for the PyPI ecosystem.

YAML is read with the base loader so that every scalar stays text: a safe loader would turn an
unquoted `1.10` in a `versions` list into the float 1.1 and silently match the wrong release.
Problems name the record's file and the line of the offending value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from secsdlc.deps.interface import Advisory, Affected, Problem, Range, VulnId, canonical
from secsdlc.deps.matcher import parse_version, range_problem

try:
    _YamlLoader: Any = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _YamlLoader = yaml.BaseLoader

ECOSYSTEM = "PyPI"


class RecordError(Exception):
    """The record as a whole is unusable."""


@dataclass(frozen=True, kw_only=True)
class ParsedRecord:
    advisory: Advisory
    affected: tuple[Affected, ...]
    problems: tuple[Problem, ...]


def load_text(text: str, name: str) -> Any:
    """Decode a record's text; JSON for `.json`, YAML otherwise."""
    if name.endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise RecordError(f"line {e.lineno}: invalid JSON: {e.msg}") from e
    try:
        # secsdlc: ignore[B506] a BaseLoader: builds no objects, keeps every scalar a string
        return yaml.load(text, Loader=_YamlLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise RecordError(f"{where}invalid YAML: {getattr(e, 'problem', e)}") from e


def line_of(text: str, needle: str, start: int = 0) -> int:
    """1-based line of the first occurrence of `needle` at or after offset `start`, else 0."""
    index = text.find(needle, start)
    if index < 0:
        return 0
    return text.count("\n", 0, index) + 1


def _strs(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value if isinstance(v, (str, int, float)))
    return ()


def _vectors(severity: Any) -> list[str]:
    if not isinstance(severity, list):
        return []
    return [
        s["score"] for s in severity
        if isinstance(s, Mapping) and isinstance(s.get("score"), str)
        and str(s.get("type", "")).startswith("CVSS_")
    ]


def _cwes(db_specific: Any) -> tuple[int, ...]:
    if not isinstance(db_specific, Mapping):
        return ()
    out: list[int] = []
    for cwe in _strs(db_specific.get("cwe_ids")):
        digits = cwe.upper().removeprefix("CWE-")
        if digits.isdigit():
            out.append(int(digits))
    return tuple(out)


def parse_record(data: Any, *, path: str, text: str) -> ParsedRecord:
    """Parse one decoded OSV record; RecordError when it has no id or no affected list."""
    if not isinstance(data, Mapping):
        raise RecordError("not an OSV record (expected a mapping at the top level)")
    vid = data.get("id")
    if not isinstance(vid, str) or not vid.strip():
        raise RecordError("missing 'id'")
    affected_raw = data.get("affected", [])
    if not isinstance(affected_raw, list):
        raise RecordError(f"line {line_of(text, 'affected')}: 'affected' must be a list")

    problems: list[Problem] = []
    vectors = _vectors(data.get("severity"))
    # OSV 1.5 also allows a severity per affected package; ours is the PyPI one.
    for entry in affected_raw:
        if isinstance(entry, Mapping) and isinstance(entry.get("package"), Mapping) and (
            entry["package"].get("ecosystem") == ECOSYSTEM
        ):
            vectors.extend(v for v in _vectors(entry.get("severity")) if v not in vectors)
    db_specific = data.get("database_specific")
    record_severity = ""
    if isinstance(db_specific, Mapping) and isinstance(db_specific.get("severity"), str):
        record_severity = db_specific["severity"]
    references = tuple(
        r["url"]
        for r in data.get("references") or []
        if isinstance(r, Mapping) and isinstance(r.get("url"), str)
    )
    withdrawn = data.get("withdrawn") or ""
    advisory = Advisory(
        id=VulnId(vid.strip()),
        aliases=tuple(a for a in _strs(data.get("aliases")) if a != vid),
        summary=str(data.get("summary") or ""),
        details=str(data.get("details") or ""),
        published=str(data.get("published") or ""),
        modified=str(data.get("modified") or ""),
        cvss=tuple(vectors),
        record_severity=record_severity,
        cwes=_cwes(db_specific),
        references=references,
        withdrawn=str(withdrawn),
    )

    affected: list[Affected] = []
    cursor = 0  # search for each entry's values after the previous entry's, for better lines
    for index, entry in enumerate(affected_raw):
        where = f"affected[{index}]"
        if not isinstance(entry, Mapping):
            problems.append(Problem(path=path, line=line_of(text, "affected"),
                                    message=f"{vid}: {where} is not a mapping"))
            continue
        package = entry.get("package")
        if not isinstance(package, Mapping):
            problems.append(Problem(path=path, line=line_of(text, "affected"),
                                    message=f"{vid}: {where} has no package"))
            continue
        if package.get("ecosystem") != ECOSYSTEM:
            continue
        name = package.get("name")
        if not isinstance(name, str) or not name:
            problems.append(Problem(path=path, line=line_of(text, "package"),
                                    message=f"{vid}: {where} has no package name"))
            continue
        found = text.find(name, cursor)
        cursor = found if found >= 0 else cursor
        ranges, entry_problems = _ranges(entry.get("ranges") or [], vid=vid, where=where,
                                         path=path, text=text, start=cursor)
        versions = _strs(entry.get("versions"))
        odd = [v for v in versions if parse_version(v) is None]
        if odd:
            # Not an error for matching (they still match their exact text) but worth knowing.
            problems.append(Problem(
                path=path, line=line_of(text, odd[0], cursor),
                message=f"{vid}: {where}.versions: not PEP 440, matched by exact text only: "
                + ", ".join(repr(v) for v in odd),
            ))
        problems.extend(entry_problems)
        affected.append(Affected(
            advisory=advisory.id,
            package=canonical(name),
            ranges=ranges,
            versions=versions,
            problem="; ".join(str(p) for p in entry_problems),
        ))
    return ParsedRecord(advisory=advisory, affected=tuple(affected), problems=tuple(problems))


def _ranges(
    raw: Any, *, vid: str, where: str, path: str, text: str, start: int
) -> tuple[tuple[Range, ...], list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return (), [Problem(path=path, line=line_of(text, "ranges", start),
                            message=f"{vid}: {where}.ranges must be a list")]
    ranges: list[Range] = []
    for i, r in enumerate(raw):
        if not isinstance(r, Mapping) or not isinstance(r.get("events"), list):
            problems.append(Problem(path=path, line=line_of(text, "ranges", start),
                                    message=f"{vid}: {where}.ranges[{i}] has no events list"))
            continue
        events: list[tuple[str, str]] = []
        for e in r["events"]:
            if isinstance(e, Mapping):
                events.extend((str(k), str(v)) for k, v in e.items())
        rng = Range(type=str(r.get("type", "")), events=tuple(events))
        problem = range_problem(rng)
        if problem:
            bad = next((v for _, v in events if repr(v) in problem), rng.type)
            problems.append(Problem(path=path, line=line_of(text, bad, start),
                                    message=f"{vid}: {where}.ranges[{i}]: {problem}"))
        ranges.append(rng)
    return tuple(ranges), problems
