"""Pipfile.lock: the `default` and `develop` sections, each `"name": {"version": "==x"}`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from secsdlc.deps._text import Locator, read
from secsdlc.deps.interface import Dependency, Problem, SourceError, SourceResult, canonical
from secsdlc.deps.matcher import parse_version

SECTIONS = ("default", "develop")


def parse(root: Path, rel: str) -> SourceResult:
    text = read(root, rel)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SourceError(str(Problem(path=rel, line=e.lineno,
                                      message=f"invalid JSON: {e.msg}"))) from e
    if not isinstance(data, Mapping):
        raise SourceError(str(Problem(path=rel, line=1, message="not a Pipfile.lock object")))
    loc = Locator(text)
    deps: list[Dependency] = []
    problems: list[Problem] = []
    for section in SECTIONS:
        entries = data.get(section, {})
        start = loc.string(section, 0)
        if not isinstance(entries, Mapping):
            problems.append(Problem(path=rel, line=loc.line_at(max(start, 0)),
                                    message=f"'{section}' must be an object"))
            continue
        for name, entry in entries.items():
            offset = loc.string(name, max(start, 0))
            line = loc.line_at(offset) if offset >= 0 else loc.line_at(max(start, 0))
            column = loc.column_at(offset) if offset >= 0 else 1
            if not isinstance(entry, Mapping):
                problems.append(Problem(path=rel, line=line,
                                        message=f"{section}.{name} must be an object"))
                continue
            version = entry.get("version")
            if isinstance(version, str) and version.startswith("=="):
                pinned = version[2:].lstrip("=").strip()
                if parse_version(pinned) is None:
                    problems.append(Problem(path=rel, line=line, message=f"{section}.{name}: "
                                            f"version {version!r} is not a PEP 440 version"))
                    continue
                deps.append(Dependency(name=canonical(name), path=rel, line=line, column=column,
                                       snippet=loc.line_text(line), version=pinned,
                                       specifier=version,
                                       marker=str(entry.get("markers", "") or "")))
                continue
            if entry.get("editable") or ("path" in entry and "git" not in entry):
                continue  # the project itself or a local checkout: audited from its own manifest
            reference = str(entry.get("git") or entry.get("file") or "")
            deps.append(Dependency(name=canonical(name), path=rel, line=line, column=column,
                                   snippet=loc.line_text(line), direct_reference=reference,
                                   specifier=str(version or "")))
    return SourceResult(dependencies=tuple(deps), problems=tuple(problems))
