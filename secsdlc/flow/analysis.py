"""The analysis of a whole project: parse every file once, analyse each function that can see
untrusted data or hands something to a dangerous call, and collect the source-to-sink paths.

What was not analysed is said, never taken as safe: a file that does not parse, a function that
ran out of budget or nested too deep is a `Skipped` value naming it and why.
"""

from __future__ import annotations

import ast
import gc
import re
import sys
import threading
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from secsdlc.flow.interp import BudgetExceeded, Interpreter, Report
from secsdlc.flow.models import Models
from secsdlc.flow.project import FunctionInfo, Project

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


def parse(root: Path, files: Iterable[str],
          lines: dict[str, list[str]] | None = None) -> tuple[dict[str, ast.Module],
                                                              list[Skipped]]:
    """Every file's tree; the files' lines go into `lines` when given."""
    trees: dict[str, ast.Module] = {}
    skipped: list[Skipped] = []
    for rel in files:
        path = root / rel
        try:
            data = path.read_bytes()
        except OSError as e:
            skipped.append(Skipped(rel, f"cannot be read: {e.strerror or e}"))
            continue
        if len(data) > MAX_FILE_BYTES:
            skipped.append(Skipped(rel, f"larger than {MAX_FILE_BYTES} bytes"))
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                trees[rel] = ast.parse(data, filename=rel)
            if lines is not None:
                lines[rel] = data.decode("utf-8", errors="replace").splitlines()
        except SyntaxError as e:
            skipped.append(Skipped(rel, f"does not parse with Python "
                                        f"{sys.version_info.major}.{sys.version_info.minor}: "
                                        f"{e.msg} (line {e.lineno})"))
        except (ValueError, RecursionError, MemoryError) as e:
            skipped.append(Skipped(rel, f"cannot be parsed: {type(e).__name__}"))
    return trees, skipped


def _interesting(info: FunctionInfo, lines: list[str], watched: re.Pattern[str],
                 project_dispatching: set[str]) -> bool:
    """Worth analysing on its own: a handler, or a function whose text names a request, a
    source or a sink (a word test on its lines: far cheaper than walking its tree)."""
    if info.handler is not None or info.class_ref in project_dispatching:
        return True
    end = getattr(info.node, "end_lineno", None) or info.node.lineno
    return any(watched.search(line) for line in lines[info.node.lineno - 1:end])


# The interpreter recurses once per nested expression and per call it follows: it runs on a
# thread of its own with room for that.
_STACK_BYTES = 512 * 1024 * 1024
_RECURSION_LIMIT = 30_000


def analyse(root: Path, files: Iterable[str], models: Models, *,
            budget: int = 60_000) -> Result:
    outcome: list[Result] = []
    failure: list[BaseException] = []

    def work() -> None:
        # The trees of a large project are millions of long-lived objects: a cyclic collection
        # would walk them all again and again while nothing the analysis makes forms a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            outcome.append(_analyse(root, list(files), models, budget))
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


def _analyse(root: Path, files: list[str], models: Models, budget: int) -> Result:
    lines: dict[str, list[str]] = {}
    trees, skipped = parse(root, files, lines)
    project = Project(trees, models)
    interp = Interpreter(project, models, budget=budget)
    watched = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _watched_names(models))))
                         + r")\b")
    analysed = 0
    for module in project.modules.values():
        try:
            interp.run_module(module)
        except BudgetExceeded:
            skipped.append(Skipped(module.path, "module code exceeds the analysis budget"))
        except RecursionError:
            skipped.append(Skipped(module.path, "module code nests too deeply to analyse"))
    for info in project.functions.values():
        if not _interesting(info, lines[info.path], watched, project.dispatching):
            continue
        analysed += 1
        try:
            interp.run_root(info)
        except BudgetExceeded:
            skipped.append(Skipped(info.path, "exceeds the analysis budget", info.qualname))
            _forget_proofs(interp, info)
        except RecursionError:
            skipped.append(Skipped(info.path, "nests too deeply to analyse", info.qualname))
            _forget_proofs(interp, info)
    reports = sorted(interp.reports.values(),
                     key=lambda r: (r.sink.path, r.sink.line, r.sink.col, r.kind, r.trace))
    return Result(tuple(reports), dict(interp.proofs), tuple(skipped), len(trees), analysed)


def _forget_proofs(interp: Interpreter, info: FunctionInfo) -> None:
    """A function not analysed to its end proves nothing about the calls in it."""
    end = getattr(info.node, "end_lineno", None) or info.node.lineno
    for key in list(interp.proofs):
        path, line, _ = key
        if path == info.path and info.node.lineno <= line <= end:
            interp.proofs[key] = False


def _watched_names(models: Models) -> frozenset[str]:
    names: set[str] = set(models.request_names) | set(models.request_attributes)
    names |= {m for m in models.sinks_by_method}
    names |= {r.rsplit(".", 1)[-1] for r in models.sinks_by_ref}
    names |= {r.rsplit(".", 1)[-1] for r in models.request_objects}
    for handler in models.handler_classes:
        names |= handler.attributes | handler.methods
    names |= {"environ", "session"}
    return frozenset(names)
