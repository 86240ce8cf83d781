"""pyproject.toml: PEP 621 `dependencies` and `optional-dependencies`, PEP 735 dependency groups,
and Poetry's dependency tables (`tool.poetry.dependencies`, `dev-dependencies`, `group.*`).

A Poetry constraint that is a bare version (`"1.2.3"`) means exactly that version in Poetry, so it
is pinned; `^`, `~`, `*` and ranges are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement

from secsdlc.deps._text import Locator, load_toml, read
from secsdlc.deps.interface import Dependency, Problem, SourceResult, canonical
from secsdlc.deps.matcher import parse_version
from secsdlc.deps.requirements import pinned_version

_POETRY_EXACT = re.compile(r"^\s*(?:==)?\s*([0-9][^\s,<>=!~^*|]*)\s*$")


def parse(root: Path, rel: str) -> SourceResult:
    text = read(root, rel)
    data = load_toml(text, rel)
    loc = Locator(text)
    deps: list[Dependency] = []
    problems: list[Problem] = []

    project = data.get("project")
    if isinstance(project, Mapping):
        start = max(loc.header("project"), 0)
        groups: list[tuple[str, Any, int]] = [("dependencies", project.get("dependencies"),
                                               start)]
        optional = project.get("optional-dependencies")
        if isinstance(optional, Mapping):
            opt_start = loc.header("project.optional-dependencies")
            for extra, items in optional.items():
                groups.append((f"optional-dependencies.{extra}", items,
                               opt_start if opt_start >= 0 else start))
        for where, items, offset in groups:
            deps.extend(_pep508_list(loc, rel, f"project.{where}", items, offset, problems))
    groups_table = data.get("dependency-groups")
    if isinstance(groups_table, Mapping):
        start = max(loc.header("dependency-groups"), 0)
        for group, items in groups_table.items():
            strings = [i for i in items if isinstance(i, str)] if isinstance(items, list) else items
            deps.extend(_pep508_list(loc, rel, f"dependency-groups.{group}", strings, start,
                                     problems))
    poetry = data.get("tool", {}).get("poetry") if isinstance(data.get("tool"), Mapping) else None
    if isinstance(poetry, Mapping):
        for dotted, table in _poetry_tables(poetry):
            deps.extend(_poetry_table(loc, rel, dotted, table, problems))
    return SourceResult(dependencies=tuple(deps), problems=tuple(problems))


def _pep508_list(
    loc: Locator, rel: str, where: str, items: Any, start: int, problems: list[Problem]
) -> Iterator[Dependency]:
    if items is None:
        return
    if not isinstance(items, list):
        line = loc.line_at(start) if start > 0 else 0
        problems.append(Problem(path=rel, line=line, message=f"{where} must be a list"))
        return
    cursor = start
    for item in items:
        if not isinstance(item, str):
            problems.append(Problem(path=rel, line=loc.line_at(cursor),
                                    message=f"{where}: {item!r} is not a requirement string"))
            continue
        offset = loc.string(item, cursor)
        if offset < 0:
            offset = loc.string(item, 0)
        if offset >= 0:
            cursor = offset + 1
        line = loc.line_at(offset) if offset >= 0 else loc.line_at(start)
        column = loc.column_at(offset) if offset >= 0 else 1
        try:
            req = Requirement(item)
        except InvalidRequirement as e:
            problems.append(Problem(path=rel, line=line,
                                    message=f"{where}: invalid requirement {item!r}: {e}"))
            continue
        yield Dependency(
            name=canonical(req.name), path=rel, line=line, column=column,
            snippet=loc.line_text(line),
            version=None if req.url else pinned_version(req),
            specifier=str(req.specifier),
            marker=str(req.marker) if req.marker else "",
            direct_reference=req.url or "",
        )


def _poetry_tables(poetry: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for key in ("dependencies", "dev-dependencies"):
        if key in poetry:
            yield f"tool.poetry.{key}", poetry[key]
    groups = poetry.get("group")
    if isinstance(groups, Mapping):
        for name, group in groups.items():
            if isinstance(group, Mapping) and "dependencies" in group:
                yield f"tool.poetry.group.{name}.dependencies", group["dependencies"]


def _poetry_table(
    loc: Locator, rel: str, dotted: str, table: Any, problems: list[Problem]
) -> Iterator[Dependency]:
    start = loc.header(dotted)
    if not isinstance(table, Mapping):
        problems.append(Problem(path=rel, line=loc.line_at(max(start, 0)),
                                message=f"{dotted} must be a table"))
        return
    for name, spec in table.items():
        if name.lower() == "python":
            continue  # the interpreter constraint, not a package
        offset = loc.key(name, max(start, 0))
        line = loc.line_at(offset) if offset >= 0 else loc.line_at(max(start, 0))
        constraints = spec if isinstance(spec, list) else [spec]
        for constraint in constraints:
            dep = _poetry_dependency(name, constraint, rel=rel, line=line,
                                     snippet=loc.line_text(line))
            if isinstance(dep, str):
                problems.append(Problem(path=rel, line=line, message=f"{dotted}.{name}: {dep}"))
            else:
                yield dep


def _poetry_dependency(
    name: str, spec: Any, *, rel: str, line: int, snippet: str
) -> Dependency | str:
    marker = ""
    if isinstance(spec, Mapping):
        for source in ("git", "path", "url"):
            if source in spec:
                return Dependency(name=canonical(name), path=rel, line=line, snippet=snippet,
                                  direct_reference=str(spec[source]))
        if spec.get("version") is None:
            return "no version, git, path or url"
        marker = str(spec.get("markers", ""))
        spec = spec["version"]
    if not isinstance(spec, str):
        return f"constraint {spec!r} is neither a string nor a table"
    exact = _POETRY_EXACT.match(spec)
    version = exact.group(1) if exact and parse_version(exact.group(1)) else None
    return Dependency(name=canonical(name), path=rel, line=line, snippet=snippet,
                      version=version, specifier=spec.strip(), marker=marker)
