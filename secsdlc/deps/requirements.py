"""pip requirements files, with the exact line and column of every requirement.

Handles `-r`/`-c` includes (relative to the including file, cycles ignored), `--hash` and the other
per-requirement options, environment markers, extras, comments and backslash continuations. Each
requirement itself is parsed by `packaging` (PEP 508). Markers are not evaluated: the audited file
may be meant for another interpreter or platform than ours, so every line is audited.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from packaging.requirements import InvalidRequirement, Requirement

from secsdlc.deps.interface import Dependency, PackageName, Problem, SourceResult, canonical

_COMMENT = re.compile(r"(^|\s+)#.*$")
# Per-requirement options that may follow a requirement on its line.
_REQ_OPTION = re.compile(r"\s+(--hash|--config-settings|--global-option|--install-option)\b")
_INCLUDE = {"-r": "requirement", "--requirement": "requirement",
            "-c": "constraint", "--constraint": "constraint"}
_EDITABLE = ("-e", "--editable")
# Global options that do not name a dependency: nothing to audit on these lines.
_GLOBAL_OPTIONS = {
    "-i", "--index-url", "--extra-index-url", "--no-index", "-f", "--find-links",
    "--trusted-host", "--pre", "--prefer-binary", "--require-hashes", "--only-binary",
    "--no-binary", "--use-feature", "-Z", "--always-unzip", "--config-settings",
    "--global-option", "--install-option",
}
_EGG = re.compile(r"[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass
class _State:
    root: Path
    visited: set[str] = field(default_factory=set)
    dependencies: list[Dependency] = field(default_factory=list)
    constraints: list[Dependency] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    included: list[str] = field(default_factory=list)


def logical_lines(text: str) -> list[tuple[int, int, str]]:
    """(first line number, column offset, text) of each logical line, comments removed."""
    out: list[tuple[int, int, str]] = []
    buffer = ""
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if not buffer:
            start = number
        if line.endswith("\\") and not _COMMENT.search(line):
            buffer += line[:-1]
            continue
        buffer += line
        stripped = _COMMENT.sub("", buffer)
        if stripped.strip():
            indent = len(stripped) - len(stripped.lstrip())
            out.append((start, indent, stripped.strip()))
        buffer = ""
    if buffer.strip():
        stripped = _COMMENT.sub("", buffer)
        if stripped.strip():
            out.append((start, len(stripped) - len(stripped.lstrip()), stripped.strip()))
    return out


def pinned_version(req: Requirement) -> str | None:
    """The one version `==`/`===` fixes, or None when the specifier allows a range."""
    exact = {s.version for s in req.specifier
             if s.operator in ("==", "===") and not s.version.endswith(".*")}
    return exact.pop() if len(exact) == 1 else None


def parse(root: Path, rel: str) -> SourceResult:
    """Parse `rel` (relative to `root`) and every file it includes."""
    state = _State(root=root)
    _parse_file(state, rel, constraint=False, origin=None)
    required = {d.name for d in state.dependencies}
    pins = {c.name for c in state.constraints if c.pinned}
    deps = [
        Dependency(**{**d.__dict__, "constrained": True}) if not d.pinned and d.name in pins
        else d
        for d in state.dependencies
    ]
    # A constraint only matters for what is actually required.
    deps.extend(c for c in state.constraints if c.name in required)
    return SourceResult(
        dependencies=tuple(deps),
        problems=tuple(state.problems),
        included=tuple(state.included),
    )


def _parse_file(state: _State, rel: str, *, constraint: bool, origin: Problem | None) -> None:
    if rel in state.visited:
        return
    state.visited.add(rel)
    path = state.root / rel
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if origin is not None:
            state.problems.append(Problem(path=origin.path, line=origin.line,
                                          message=f"included file {rel} does not exist"))
        else:
            state.problems.append(Problem(path=rel, line=0, message="file not found"))
        return
    except (OSError, UnicodeDecodeError) as e:
        state.problems.append(Problem(path=rel, line=0, message=f"cannot read: {e}"))
        return
    if origin is not None:
        state.included.append(rel)
    for number, indent, line in logical_lines(text):
        where = Problem(path=rel, line=number, message="")
        if line.startswith("-"):
            _option_line(state, rel, number, line, constraint=constraint, where=where)
            continue
        dep = _requirement(state, rel, number, indent + 1, line)
        if dep is not None:
            (state.constraints if constraint else state.dependencies).append(dep)


def _option_line(
    state: _State, rel: str, number: int, line: str, *, constraint: bool, where: Problem
) -> None:
    try:
        parts = shlex.split(line)
    except ValueError as e:
        state.problems.append(Problem(path=rel, line=number, message=f"cannot split line: {e}"))
        return
    option, _, inline = parts[0].partition("=")
    value = inline or (parts[1] if len(parts) > 1 else "")
    if option in _INCLUDE:
        if not value:
            state.problems.append(Problem(path=rel, line=number,
                                          message=f"{option} needs a file name"))
            return
        if "://" in value:
            state.problems.append(Problem(path=rel, line=number,
                                          message=f"remote include {value} cannot be audited"))
            return
        target = PurePosixPath(rel).parent / value
        try:
            resolved = (state.root / target).resolve().relative_to(state.root.resolve())
        except ValueError:
            state.problems.append(Problem(
                path=rel, line=number,
                message=f"included file {value} is outside the scanned tree; not audited"))
            return
        _parse_file(state, resolved.as_posix(),
                    constraint=constraint or _INCLUDE[option] == "constraint", origin=where)
        return
    if option in _EDITABLE:
        if not value:
            state.problems.append(Problem(path=rel, line=number,
                                          message=f"{option} needs a path or URL"))
            return
        if not _project_in_tree(state, rel, value):
            dep = _direct(rel, number, 1, value, line)
            (state.constraints if constraint else state.dependencies).append(dep)
        return
    if option in _GLOBAL_OPTIONS:
        return
    state.problems.append(Problem(path=rel, line=number,
                                  message=f"unknown option {option!r}: line not understood"))


def _requirement(
    state: _State, rel: str, number: int, column: int, line: str
) -> Dependency | None:
    cut = _REQ_OPTION.search(line)
    # The requirement without hashes is the snippet: stable when only the hashes change.
    text = (line[: cut.start()] if cut else line).strip()
    snippet = " ".join(text.split())
    if _looks_like_location(text):
        if _project_in_tree(state, rel, text):
            return None
        return _direct(rel, number, column, text, snippet)
    try:
        req = Requirement(text)
    except InvalidRequirement as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        state.problems.append(Problem(path=rel, line=number,
                                      message=f"invalid requirement {text!r}: {reason}"))
        return None
    return Dependency(
        name=canonical(req.name),
        path=rel,
        line=number,
        column=column,
        snippet=snippet,
        version=None if req.url else pinned_version(req),
        specifier=str(req.specifier),
        marker=str(req.marker) if req.marker else "",
        direct_reference=req.url or "",
    )


def _project_in_tree(state: _State, rel: str, location: str) -> bool:
    """A local project directory inside the scanned tree (`-e .`): not a release to audit; its
    own pyproject.toml or lock file is audited where it lives, as lock files' local entries are.
    """
    if "://" in location or location.startswith("file:"):
        return False
    target = (state.root / PurePosixPath(rel).parent / location.split("[", 1)[0]).resolve()
    try:
        target.relative_to(state.root.resolve())
    except ValueError:
        return False
    return target.is_dir() and any(
        (target / name).is_file() for name in ("pyproject.toml", "setup.py", "setup.cfg"))


def _looks_like_location(text: str) -> bool:
    return (
        text.startswith((".", "/", "~"))
        or "://" in text.split("@", 1)[0]
        or text.startswith("file:")
        or (("/" in text or "\\" in text) and "@" not in text and ";" not in text)
    )


def _direct(rel: str, number: int, column: int, location: str, snippet: str) -> Dependency:
    """A requirement that installs from a path or URL: no version to audit by."""
    egg = _EGG.search(location)
    name = canonical(egg.group(1)) if egg else PackageName(location)
    return Dependency(name=name, path=rel, line=number, column=column, snippet=snippet.strip(),
                      direct_reference=location)
