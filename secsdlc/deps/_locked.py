"""Shared reading of TOML lock files made of `[[package]]`-style arrays of tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from secsdlc.deps._text import Locator, load_toml, read
from secsdlc.deps.interface import Dependency, Problem, SourceResult, canonical
from secsdlc.deps.matcher import parse_version

# Given one entry: ("", version) to audit it, (reference, "") for a direct reference, or None for
# the project itself (an editable/virtual/directory entry has no release to audit).
Classifier = Callable[[Mapping[str, Any]], "tuple[str, str] | None"]


def parse_array_lock(root: Path, rel: str, array: str, classify: Classifier) -> SourceResult:
    text = read(root, rel)
    data = load_toml(text, rel)
    loc = Locator(text)
    entries = data.get(array, [])
    problems: list[Problem] = []
    if not isinstance(entries, list):
        return SourceResult(problems=(Problem(path=rel, line=0,
                                              message=f"'{array}' must be an array of tables"),))
    headers = loc.array_headers(array)
    deps: list[Dependency] = []
    for index, entry in enumerate(entries):
        start = headers[index] if index < len(headers) else 0
        end = headers[index + 1] if index + 1 < len(headers) else None
        line = loc.line_at(start) if headers else 0
        if not isinstance(entry, Mapping):
            problems.append(Problem(path=rel, line=line,
                                    message=f"{array}[{index}] is not a table"))
            continue
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            problems.append(Problem(path=rel, line=line,
                                    message=f"{array}[{index}] has no 'name'"))
            continue
        offset = loc.key("name", start, end)
        if offset >= 0:
            line = loc.line_at(offset)
        raw_version = entry.get("version")
        if raw_version is not None and not isinstance(raw_version, str):
            # `version = 1.11` is a TOML float: read as "no version" it would pass as unpinned
            # and never be audited
            offset = loc.key("version", start, end)
            problems.append(Problem(
                path=rel, line=loc.line_at(offset) if offset >= 0 else line,
                message=f"{name}: 'version' must be a string, got {raw_version!r}; it cannot "
                        f"be audited"))
            continue
        kind = classify(entry)
        if kind is None:
            continue
        reference, version = kind
        if version and parse_version(version) is None:
            problems.append(Problem(path=rel, line=line,
                                    message=f"{name}: version {version!r} is not a PEP 440 "
                                    "version; it cannot be audited"))
            continue
        deps.append(Dependency(
            name=canonical(name), path=rel, line=line, column=1, snippet=loc.line_text(line),
            version=version or None, direct_reference=reference,
        ))
    return SourceResult(dependencies=tuple(deps), problems=tuple(problems))
