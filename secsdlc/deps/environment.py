"""The installed environment (`--env`): every distribution visible to this interpreter.

Each one is located at its metadata file's `Version:` line, the closest thing to "where the
requirement is written" an installed package has.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

from secsdlc.deps.interface import Dependency, Problem, SourceResult, canonical
from secsdlc.deps.matcher import parse_version


def parse(paths: list[str] | None = None) -> SourceResult:
    deps: list[Dependency] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for dist in metadata.distributions(path=paths if paths is not None else sys.path):
        name = dist.metadata["Name"] if dist.metadata else None
        where = _metadata_file(dist)
        if not name:
            problems.append(Problem(path=where, line=0, message="distribution without a name"))
            continue
        key = canonical(name)
        if key in seen:
            continue  # shadowed by the first one on the path, as the import system does
        seen.add(key)
        version = dist.version
        line = _version_line(where)
        if parse_version(version) is None:
            problems.append(Problem(path=where, line=line, message=f"{name}: version "
                                    f"{version!r} is not a PEP 440 version; not audited"))
            continue
        deps.append(Dependency(name=key, path=where, line=line,
                               snippet=f"{name}=={version}", version=version))
    return SourceResult(dependencies=tuple(deps), problems=tuple(problems))


def _metadata_file(dist: metadata.Distribution) -> str:
    base = getattr(dist, "_path", None)
    if isinstance(base, Path):
        for candidate in ("METADATA", "PKG-INFO"):
            if (base / candidate).is_file():
                return (base / candidate).as_posix()
        return base.as_posix()
    return "<installed environment>"


def _version_line(path: str) -> int:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for number, line in enumerate(fh, start=1):
                if line.startswith("Version:"):
                    return number
                if not line.strip():
                    break
    except OSError:
        pass
    return 1
