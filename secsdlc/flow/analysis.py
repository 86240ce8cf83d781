"""The analysis of a whole project: parse every file once, analyse each function that can see
untrusted data or hands something to a dangerous call, and collect the source-to-sink paths.

What was not analysed is said, never taken as safe: a file that does not parse, a function that
ran out of budget or nested too deep is a `Skipped` value naming it and why.
"""

from __future__ import annotations

import ast
import gc
import hashlib
import os
import re
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from secsdlc.cache import ResultCache
from secsdlc.flow import incremental
from secsdlc.flow.frames import DEFAULT_BUDGET, ReportKey, report_key
from secsdlc.flow.interp import BudgetExceeded, Interpreter, Report
from secsdlc.flow.models import Models
from secsdlc.flow.project import (
    FunctionInfo,
    Module,
    ModuleIndex,
    Project,
    module_name,
    registrations,
    route_facts,
)
from secsdlc.flow.values import Step

MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str
    function: str | None = None


@dataclass(frozen=True)
class Result:
    reports: tuple[Report, ...]
    # (path, line, kind) of every dangerous call analysed, and whether its argument was proven
    # constant or sanitized in every context it was analysed in
    proofs: Mapping[tuple[str, int, str], bool]
    skipped: tuple[Skipped, ...]
    files: int
    functions: int
    # (path, root) of every root analysed by this scan rather than taken from the cache; the
    # module's own code is the root ""
    ran: tuple[tuple[str, str], ...] = ()
    unrooted: int = 0  # files read only where others call them


def _read(root: str, rel: str) -> bytes | Skipped:
    try:
        # os.path rather than pathlib: a large project's thousands of paths add up
        with open(os.path.join(root, rel), "rb") as fh:
            data = fh.read()
    except OSError as e:
        return Skipped(rel, f"cannot be read: {e.strerror or e}")
    if len(data) > MAX_FILE_BYTES:
        return Skipped(rel, f"larger than {MAX_FILE_BYTES} bytes")
    return data


def _parse(rel: str, data: bytes) -> ast.Module | Skipped:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(data, filename=rel)
    except SyntaxError as e:
        return Skipped(rel, f"does not parse with Python "
                            f"{sys.version_info.major}.{sys.version_info.minor}: "
                            f"{e.msg} (line {e.lineno})")
    except (ValueError, RecursionError, MemoryError) as e:
        return Skipped(rel, f"cannot be parsed: {type(e).__name__}")


class _Text:
    """A file's text and where each of its lines starts, as the parser counts lines."""

    def __init__(self, raw: bytes) -> None:
        self.text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n") \
            .replace("\r", "\n")
        self.starts = [0]
        at = self.text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = self.text.find("\n", at + 1)

    def mentions(self, watched: re.Pattern[str], first: int, last: int) -> bool:
        """Whether a watched name occurs on lines `first` to `last` (from 1)."""
        if first > len(self.starts):
            return False
        end = self.starts[last] - 1 if last < len(self.starts) else len(self.text)
        return watched.search(self.text, self.starts[first - 1], end) is not None


def _interesting(info: FunctionInfo, text: _Text, watched: re.Pattern[str],
                 project_dispatching: set[str]) -> bool:
    """Worth analysing on its own: a handler, or a function whose text names a request, a
    source or a sink (a word test on its lines: far cheaper than walking its tree)."""
    if info.handler is not None or info.class_ref in project_dispatching:
        return True
    end = getattr(info.node, "end_lineno", None) or info.node.lineno
    return text.mentions(watched, info.node.lineno, end)


# The interpreter recurses once per nested expression and per call it follows: it runs on a
# thread of its own with room for that.
_STACK_BYTES = 512 * 1024 * 1024
_RECURSION_LIMIT = 30_000


def analyse(root: Path, files: Iterable[str], models: Models, *,
            budget: int = DEFAULT_BUDGET, cache: ResultCache | None = None,
            roots: Callable[[str], bool] | None = None) -> Result:
    """Analyse the functions of `files` (relative to `root`) that can see untrusted data or hand
    something to a dangerous call. `roots(path)` false: the file's functions are analysed only as
    callees of others, never as entry points of their own."""
    outcome: list[Result] = []
    failure: list[BaseException] = []

    def work() -> None:
        # The trees of a large project are millions of long-lived objects: a cyclic collection
        # would walk them all again and again while nothing the analysis makes forms a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            outcome.append(_analyse(root, list(files), models, budget, cache, roots))
        except BaseException as e:  # handed to the calling thread as it is
            failure.append(e)
        finally:
            if collecting:
                gc.enable()

    previous_stack = threading.stack_size()
    previous_limit = sys.getrecursionlimit()
    threading.stack_size(_STACK_BYTES)
    try:
        sys.setrecursionlimit(max(previous_limit, _RECURSION_LIMIT))
        thread = threading.Thread(target=work, name="secsdlc-taint", daemon=True)
        thread.start()
    finally:
        threading.stack_size(previous_stack)
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]


def _analyse(root: Path, files: list[str], models: Models, budget: int,
             cache: ResultCache | None,
             roots: Callable[[str], bool] | None = None) -> Result:
    skipped: list[Skipped] = []
    data: dict[str, bytes] = {}
    top = os.fspath(root)
    for rel in files:
        read = _read(top, rel)
        if isinstance(read, Skipped):
            skipped.append(read)
        else:
            data[rel] = read
    digests = {rel: hashlib.sha256(content).hexdigest() for rel, content in data.items()}
    trees: dict[str, ast.Module] = {}
    failed: dict[str, Skipped] = {}

    def tree_of(rel: str) -> ast.Module | None:
        if rel not in trees and rel not in failed and rel in data:
            parsed = _parse(rel, data[rel])
            if isinstance(parsed, Skipped):
                failed[rel] = parsed
            else:
                trees[rel] = parsed
        return trees.get(rel)

    context = f"{models.digest}\0{incremental.code_digest()}\0{budget}"
    keys = {rel: incremental.entry_key(rel, digests[rel], context) for rel in data}
    rooted = [rel for rel in sorted(data) if roots is None or roots(rel)]
    # only a root's file has an entry: test code read where others call it has none
    cached: dict[str, _FileOutcome] = {}
    for rel in rooted:
        doc = cache.get_document(keys[rel]) if cache is not None else None
        outcome = _FileOutcome.from_json(doc) if doc is not None else None
        if outcome is not None:
            cached[rel] = outcome
    pattern = incremental.route_pattern(registrations(models))
    registering: dict[str, bool] = {}

    def may_register(rel: str) -> bool:
        if rel not in registering:
            registering[rel] = incremental.registers_routes(data[rel], pattern)
        return registering[rel]

    def facts_of(rel: str) -> str:
        if rel in cached:
            return cached[rel].route_facts
        tree = tree_of(rel) if may_register(rel) else None
        return route_facts(tree, models) if tree is not None else ""

    # the files whose URL patterns say which view parameters are typed
    facts = {rel: facts_of(rel) for rel in rooted}
    routes = [rel for rel in rooted if facts[rel]]
    routes_digest = incremental.routes_digest((r, facts[r]) for r in routes)
    outcomes: dict[str, _FileOutcome] = {}
    # per file to analyse (again): the parts of its earlier outcome that still hold
    todo: dict[str, dict[str, _Part]] = {}
    for rel in rooted:
        outcome = cached.get(rel)
        if outcome is None or outcome.routes != routes_digest:
            todo[rel] = {}
            continue
        valid = {p.root: p for p in outcome.parts
                 if incremental.still_valid(p.depends, digests)}
        if len(valid) == len(outcome.parts):
            outcomes[rel] = outcome
        else:
            todo[rel] = valid
    if todo:
        index = ModuleIndex(list(data), package=_package_name(root, data))
        # route files first: their URL patterns say which view parameters are typed
        first = {rel: t for rel in [*routes, *todo] if (t := tree_of(rel)) is not None}
        project = Project(first, models, index, loader=tree_of,
                          may_register=lambda rel: rel not in data or may_register(rel))
        parts = _analyse_files(project, models, budget, {r: k for r, k in todo.items()
                                                         if r in trees}, data, digests)
        # a file that does not parse keeps saying so from the cache, without a project to read
        parts.update((rel, (_Part("", (), {}, (failed[rel],), ((rel, digests[rel]),)),))
                     for rel in todo if rel in failed)
        for rel, found in parts.items():
            outcomes[rel] = _FileOutcome(facts[rel], routes_digest, found)
            if cache is not None:
                cache.put_document(keys[rel], outcomes[rel].to_json())
    ran = tuple((rel, p.root) for rel in sorted(todo) if rel in outcomes
                for p in outcomes[rel].parts
                if not any(p is kept for kept in todo[rel].values()))
    return replace(_merge(outcomes, skipped, len(data)), ran=ran,
                   unrooted=len(data) - len(rooted))


def _analyse_files(project: Project, models: Models, budget: int,
                   todo: Mapping[str, Mapping[str, _Part]], data: Mapping[str, bytes],
                   digests: Mapping[str, str]) -> dict[str, tuple[_Part, ...]]:
    """Each file's module code and functions, analysed one root at a time: a root's part holds
    everything found from it and the modules that went into it, so that a later scan can reuse
    it alone and analyse again only the roots a change reaches."""
    interp = Interpreter(project, models, budget=budget)
    watched = re.compile(r"\b" + _alternatives(sorted(_watched_names(models))) + r"\b")
    out: dict[str, tuple[_Part, ...]] = {}
    for path, kept in todo.items():
        module = project.module(module_name(path)[0])
        if module is None:
            continue
        parts: list[_Part] = []
        text = _Text(data[path])
        roots: list[FunctionInfo | None] = [None]
        roots += [info for info in project.functions_of(module.name)
                  if _interesting(info, text, watched, project.dispatching)]
        for info in roots:
            name = "" if info is None else info.qualname
            kept_part = kept.get(name)
            parts.append(kept_part if kept_part is not None
                         else _run_root(interp, project, module, info, digests))
        out[path] = tuple(parts)
    return out


def _run_root(interp: Interpreter, project: Project, module: Module, info: FunctionInfo | None,
              digests: Mapping[str, str]) -> _Part:
    """One root, the module's own code (`info` None) or a function: what it found, and every
    module that went into it (the interpreter's caches replay what their entries read)."""
    interp.reports, interp.proofs = {}, {}
    project.consulted = set()
    what = "module code " if info is None else ""
    function = None if info is None else info.qualname
    skipped: tuple[Skipped, ...] = ()
    try:
        if info is None:
            interp.run_module(module)
        else:
            interp.run_root(info)
    except BudgetExceeded:
        skipped = (Skipped(module.path, f"{what}exceeds the analysis budget", function),)
    except RecursionError:
        skipped = (Skipped(module.path, f"{what}nests too deeply to analyse", function),)
    unfinished = None
    if skipped and info is not None:
        node = info.node
        unfinished = (node.lineno, getattr(node, "end_lineno", None) or node.lineno)
    depends = {module.path} | {project.index.by_name[n] for n in project.consulted
                               if n in project.index.by_name}
    return _Part("" if info is None else info.qualname, tuple(interp.reports.values()),
                 dict(interp.proofs), skipped,
                 tuple(sorted((p, digests[p]) for p in depends if p in digests)), unfinished)


@dataclass(frozen=True)
class _Part:
    """What analysing one root found: the module's own code (root "") or one function."""
    root: str
    reports: tuple[Report, ...]
    proofs: Mapping[tuple[str, int, str], bool]
    skipped: tuple[Skipped, ...]
    depends: tuple[tuple[str, str], ...]  # (path, content digest) of what went into it
    unfinished: tuple[int, int] | None = None  # lines of a function not analysed to its end

    def to_json(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "depends": [list(d) for d in self.depends],
            "reports": [[r.kind, [_step(s) for s in r.trace],
                         None if r.entry is None else _step(r.entry)] for r in self.reports],
            "proofs": [[p, line, kind, ok] for (p, line, kind), ok in self.proofs.items()],
            "skipped": [[s.path, s.reason, s.function] for s in self.skipped],
            "unfinished": list(self.unfinished) if self.unfinished else None,
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> _Part:
        reports = tuple(Report(str(kind), _unstep(trace[-1]), tuple(_unstep(s) for s in trace),
                               None if entry is None else _unstep(entry))
                        for kind, trace, entry in doc["reports"])
        proofs = {(str(p), int(line), str(kind)): bool(ok)
                  for p, line, kind, ok in doc["proofs"]}
        skipped = tuple(Skipped(str(p), str(reason), fn if fn is None else str(fn))
                        for p, reason, fn in doc["skipped"])
        depends = tuple((str(p), str(d)) for p, d in doc["depends"])
        raw = doc["unfinished"]
        unfinished = None if raw is None else (int(raw[0]), int(raw[1]))
        return cls(str(doc["root"]), reports, proofs, skipped, depends, unfinished)


@dataclass(frozen=True)
class _FileOutcome:
    route_facts: str  # what its route registrations say ("" if none): see project.route_facts
    routes: str  # the digest of every route file's facts it was analysed with
    parts: tuple[_Part, ...]

    def to_json(self) -> dict[str, Any]:
        return {"route_facts": self.route_facts, "routes": self.routes,
                "parts": [p.to_json() for p in self.parts]}

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> _FileOutcome | None:
        try:
            return cls(str(doc["route_facts"]), str(doc["routes"]),
                       tuple(_Part.from_json(p) for p in doc["parts"]))
        except (KeyError, TypeError, ValueError, IndexError):
            return None  # a damaged entry: analysed again


def _step(step: Step) -> list[object]:
    return [step.path, step.line, step.col, step.note]


def _unstep(raw: Any) -> Step:
    path, line, col, note = raw
    return Step(str(path), int(line), int(col), str(note))


def _merge(outcomes: Mapping[str, _FileOutcome], skipped: list[Skipped], files: int) -> Result:
    reports: dict[ReportKey, Report] = {}
    proofs: dict[tuple[str, int, str], bool] = {}
    unfinished: dict[str, list[tuple[int, int]]] = {}
    analysed = 0
    for outcome in outcomes.values():
        for part in outcome.parts:
            analysed += part.root != ""
            skipped.extend(part.skipped)
            if part.unfinished is not None and part.skipped:
                unfinished.setdefault(part.skipped[0].path, []).append(part.unfinished)
            for report in part.reports:
                key = report_key(report)
                old = reports.get(key)
                if old is None or \
                        (len(report.trace), report.trace) < (len(old.trace), old.trace):
                    reports[key] = report
            for call, ok in part.proofs.items():
                proofs[call] = proofs.get(call, True) and ok
    # a function not analysed to its end proves nothing about the calls in it
    for (path, line, kind) in list(proofs):
        if any(start <= line <= end for start, end in unfinished.get(path, ())):
            proofs[(path, line, kind)] = False
    ordered = sorted(reports.values(),
                     key=lambda r: (r.location.path, r.location.line, r.location.col, r.kind,
                                    r.trace))
    return Result(tuple(ordered), proofs, tuple(skipped), files, analysed)


def _package_name(root: Path, files: Mapping[str, object]) -> str:
    """The scanned directory's own name when it is a package (it has an `__init__.py`)."""
    return root.resolve().name if "__init__.py" in files else ""



def _alternatives(words: list[str]) -> str:
    """A pattern matching exactly `words` (sorted, not empty), shared beginnings written once:
    the regular expression engine would try a plain list of hundreds of words one by one at
    every position of the text."""
    groups: dict[str, list[str]] = {}
    whole = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            whole = True
    branches = [re.escape(first) + (_alternatives(rest) if rest != [""] else "")
                for first, rest in groups.items()]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]
    return f"(?:{body})?" if whole else body


def _watched_names(models: Models) -> frozenset[str]:
    names: set[str] = set(models.request_names) | set(models.request_attributes)
    names |= {m for m in models.sinks_by_method}
    names |= {r.rsplit(".", 1)[-1] for r in models.sinks_by_ref}
    names |= {r.rsplit(".", 1)[-1] for r in models.request_objects | models.request_calls}
    for handler in models.handler_classes:
        names |= handler.attributes | handler.methods
    names |= {"environ", "session"}
    return frozenset(names)
