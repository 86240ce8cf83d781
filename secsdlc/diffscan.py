"""Diff-aware scans: only what a change introduced blocks.

The changed files are scanned twice, as they are now (staged content, a commit or the work tree)
and as they were at the base, in ONE run of each scanner over a temporary tree holding both
sides: the fixed start-up cost of a scanner (semgrep's rule compilation) is paid once. A finding
whose fingerprint exists on both sides is "unchanged" (or "updated", which blocks, when its
severity rose), one only in the new content is "new", one only at the base is "absent" (fixed).
Renamed files are compared under their new name.

A project-wide scanner (the taint analysis: a flow from a changed view into an unchanged helper
is found only by reading the helper) gets each side whole instead, every file it applies to under
a root of its own so that module names and paths are the repository's, and reports only what
involves a changed file. It runs alongside the changed-files scan; the two are then weighed and
merged across tools as one scan would be.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from secsdlc import files, fingerprint, normalize, vcs
from secsdlc.cache import ResultCache
from secsdlc.config import DEFAULT_EXCLUDE
from secsdlc.engine import ProgressCallback, ScanPlan, for_mode, never_lowered, scan
from secsdlc.model import (
    Finding,
    FlowStep,
    Notification,
    NotificationKind,
    Rule,
    RuleId,
    ScannerRun,
    ScanResult,
)
from secsdlc.scanners.interface import (
    AnalysedCall,
    OptionType,
    Scanner,
    ScannerOutput,
    ScanRequest,
    reads_whole_project,
)

HEAD_DIR = "head"
BASE_DIR = "base"


@dataclass(frozen=True, kw_only=True)
class DiffRequest:
    staged: bool = False
    diff_base: str | None = None  # a ref; None with staged: HEAD
    # a commit to scan instead of the work tree (what a push sends); None: the work tree or index
    diff_head: str | None = None


@dataclass(frozen=True)
class _Sides:
    """Where the two sides' content comes from."""

    repo: vcs.Repo
    top: Path
    head: str | None  # a commit; None: the index (staged) or the work tree
    staged: bool
    base: str | None

    def head_files(self) -> list[str]:
        if self.head is not None:
            return vcs.tree_files(self.repo, self.head)
        return vcs.index_files(self.repo) if self.staged else vcs.worktree_files(self.repo)

    def write_head(self, paths: Sequence[str], dest: Path) -> None:
        if self.head is not None:
            vcs.write_tree_files(self.repo, self.head, {p: p for p in paths}, dest)
        elif self.staged:
            vcs.write_index_files(self.repo, paths, dest)
        else:
            for path in paths:
                source = self.top / path
                if source.is_file() and not source.is_symlink():
                    (dest / path).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, dest / path)


@dataclass(frozen=True)
class _Project:
    """A project-wide scan of one side and the calls its data-flow analysis weighed."""

    result: ScanResult
    calls: tuple[AnalysedCall, ...]


def run(plan: ScanPlan, request: DiffRequest, *,
        progress: ProgressCallback | None = None) -> ScanResult:
    repo = vcs.open_repo(plan.root)
    top = vcs.toplevel(repo)
    base: str | None
    head: str | None = None
    if request.diff_head:
        head = vcs.commit_id(repo, request.diff_head)
        base = vcs.merge_base(repo, request.diff_base, head) if request.diff_base else None
        changes = vcs.commit_changes(repo, base, head)
    elif request.diff_base:
        base = vcs.merge_base(repo, request.diff_base)
        changes = vcs.changes_since(repo, base, staged=request.staged)
    else:
        changes = vcs.staged_changes(repo)
        base = vcs.head_commit(repo)
    changes = [_judged_alike(c, plan, top) for c in changes if _in_scope(c.path, plan, top)]
    sides = _Sides(repo, top, head, request.staged, base)
    wide = {n: s for n, s in plan.scanners.items() if reads_whole_project(s)}
    narrow = {n: s for n, s in plan.scanners.items() if n not in wide}

    tmp = Path(tempfile.mkdtemp(prefix="secsdlc-diff-"))
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            whole = pool.submit(_whole_project, plan, wide, sides, changes, tmp,
                                progress) if wide else None
            changed = _changed_files(plan, narrow, sides, changes, tmp / "changed",
                                     progress) if narrow else None
            projects = whole.result() if whole is not None else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result = _classify(plan, changed, projects, top, changes)
    gitlinks = vcs.submodules_at(repo, head)
    unscanned = [Notification(
        kind=NotificationKind.NOT_SCANNED, path=c.path,
        message=f"{c.path}: git submodule changed: the code of the commit it now names was not "
                f"scanned (scan the submodule's own repository, or exclude it in the trusted "
                f"configuration)") for c in changes if c.path in gitlinks]
    if not unscanned:
        return result
    return replace(result, notifications=(*result.notifications,
                                          *for_mode(unscanned, plan.mode)))


def _in_scope(path: str, plan: ScanPlan, top: Path) -> bool:
    """Under one of the paths the user asked to scan, and included by the configuration."""
    # a changed file is tracked: in enforce mode only the configuration's exclusions apply to
    # it, never the built-in ones (see files.kept_despite)
    builtin = () if plan.mode.enforce else DEFAULT_EXCLUDE
    include, exclude = plan.config.include, (*builtin, *plan.config.exclude)
    return _selected(path, plan, top) and (not include or files.matches(path, include)) \
        and not files.matches(path, exclude)


def _judged_alike(change: vcs.Change, plan: ScanPlan, top: Path) -> vcs.Change:
    """The change as an added file when its base name was judged otherwise: a file moved out of
    an excluded directory or a test scope (`tests/test_fetch.py` to `app/fetch.py`) brings
    findings that never blocked there, and they are new where they now are."""
    from secsdlc.gate import policy

    base = change.base_path
    if base is None or base == change.path:
        return change
    scopes = policy.load(plan.config).scopes
    if _in_scope(base, plan, top) and {s.name for s in scopes if s.covers(base)} \
            == {s.name for s in scopes if s.covers(change.path)}:
        return change
    return replace(change, base_path=None)


def _selected(path: str, plan: ScanPlan, top: Path) -> bool:
    """Whether a changed file lies under one of the paths the user asked to scan."""
    for given in plan.paths:
        absolute = given if given.is_absolute() else Path.cwd() / given
        try:
            rel = absolute.resolve().relative_to(top).as_posix()
        except ValueError:
            continue
        if rel in (".", "") or path == rel or path.startswith(rel.rstrip("/") + "/"):
            return True
    return False


def _unfiltered(plan: ScanPlan, root: Path, paths: tuple[Path, ...],
                scanners: Mapping[str, Scanner]) -> ScanPlan:
    """The plan for a temporary tree already holding only the files in scope."""
    return replace(plan, root=root, paths=paths, scanners=scanners, builtin_exclude=False,
                   config=replace(plan.config, include=(), exclude=()))


def _changed_files(plan: ScanPlan, scanners: Mapping[str, Scanner], sides: _Sides,
                   changes: Sequence[vcs.Change], root: Path,
                   progress: ProgressCallback | None) -> ScanResult:
    head_root, base_root = root / HEAD_DIR, root / BASE_DIR
    head_root.mkdir(parents=True)
    base_root.mkdir()
    sides.write_head([c.path for c in changes], head_root)
    if sides.base is not None:
        vcs.write_tree_files(sides.repo, sides.base, {c.base_path: c.path for c in changes
                                                      if c.base_path}, base_root)
    return scan(_unfiltered(plan, root, (head_root, base_root), scanners), progress=progress)


class _Recording:
    """A project-wide scanner that keeps the calls its analysis weighed, for the other scanners'
    results on the changed files. It offers no per-file result cache: a file's results depend on
    the files around it."""

    def __init__(self, scanner: Scanner) -> None:
        self.scanner = scanner
        self.name = scanner.name
        self.information_uri = scanner.information_uri
        self.options: Mapping[str, OptionType] = scanner.options
        self.calls: list[AnalysedCall] = []

    def version(self) -> str:
        return self.scanner.version()

    def applies_to(self, path: str) -> bool:
        return self.scanner.applies_to(path)

    def scan(self, request: ScanRequest) -> ScannerOutput:
        output = self.scanner.scan(request)
        if isinstance(output, ScannerOutput):
            self.calls.extend(output.analysed_calls)
        return output


def _whole_project(plan: ScanPlan, scanners: Mapping[str, Scanner], sides: _Sides,
                   changes: Sequence[vcs.Change], tmp: Path,
                   progress: ProgressCallback | None) -> tuple[_Project, _Project | None]:
    def wanted(paths: Iterable[str]) -> list[str]:
        return [p for p in paths if any(s.applies_to(p) for s in scanners.values())
                and _in_scope(p, plan, sides.top)]

    # a change none of these scanners reads leaves their results as they were: nothing to write
    relevant = bool(wanted(c.path for c in changes))
    # each side under a directory of the repository's own name: a package root keeps its name
    head_root = tmp / HEAD_DIR / sides.top.name
    head_root.mkdir(parents=True)
    if relevant:
        sides.write_head(wanted(sides.head_files()), head_root)
    head = _project_scan(plan, scanners, head_root, frozenset(c.path for c in changes), progress)
    if sides.base is None:
        return head, None
    base_root = tmp / BASE_DIR / sides.top.name
    base_root.mkdir(parents=True)
    if relevant:
        listed = wanted(vcs.tree_files(sides.repo, sides.base))
        vcs.write_tree_files(sides.repo, sides.base, {p: p for p in listed}, base_root)
    base = _project_scan(replace(plan, cache=_Layered(plan.cache, "base")
                                 if plan.cache is not None else None), scanners, base_root,
                         frozenset(c.base_path for c in changes if c.base_path), None)
    return head, base


class _Layered(ResultCache):
    """The shared cache read through a layer of one side's own entries, written to that layer.

    An unchanged file's entry is keyed by its path and content, yet what was found from it
    depends on the changed files it reaches, which differ between the sides: each side writing
    the shared entry would replace the other's at every scan. The base side's bulk still comes
    from the shared entries (full scans, and the head side of the commits before)."""

    def __init__(self, shared: ResultCache, layer: str) -> None:
        self.shared = shared
        self.layer = layer
        self.directory = shared.directory

    def _own(self, key: str) -> str:
        return hashlib.sha256(f"{self.layer}\0{key}".encode()).hexdigest()

    def get_document(self, key: str) -> dict[str, Any] | None:
        own = self.shared.get_document(self._own(key))
        return own if own is not None else self.shared.get_document(key)

    def put_document(self, key: str, body: Mapping[str, Any]) -> None:
        self.shared.put_document(self._own(key), body)


def _project_scan(plan: ScanPlan, scanners: Mapping[str, Scanner], root: Path,
                  report_only: frozenset[str],
                  progress: ProgressCallback | None) -> _Project:
    recording = {name: _Recording(s) for name, s in scanners.items()}
    result = scan(replace(_unfiltered(plan, root, (root,), recording), report_only=report_only),
                  progress=progress)
    return _Project(result, tuple(c for r in recording.values() for c in r.calls))


def _strip(path: str | None, prefix: str) -> str | None:
    if path is None or not path.startswith(prefix + "/"):
        return None
    return path[len(prefix) + 1:]


def _side(findings: Sequence[Finding], prefix: str) -> list[Finding]:
    out = []
    for f in findings:
        rel = _strip(f.location.path, prefix)
        if rel is not None:
            out.append(replace(f, location=replace(f.location, path=rel)))
    return out


def _state(finding: Finding, at_base: Finding | None) -> str:
    if at_base is None:
        return "new"
    # the same code judged worse than at the base: the change under review raised it
    return "updated" if fingerprint.risen(finding, at_base) else "unchanged"


def _note(note: Notification) -> Notification | None:
    if note.path is None:
        return note
    rel = _strip(note.path, HEAD_DIR)
    if rel is None:
        # what went wrong reading the base version matters only if the scanner failed
        return note if note.kind is NotificationKind.SCANNER_FAILURE else None
    message = note.message.replace(f"{HEAD_DIR}/{rel}", rel, 1)
    return replace(note, path=rel, message=message)


def _renamed(finding: Finding, names: Mapping[str, str]) -> Finding:
    """A base finding under the file's name now, so that it compares with the head's."""
    def step(s: FlowStep) -> FlowStep:
        path = names.get(s.location.path, s.location.path)
        return replace(s, location=replace(s.location, path=path))
    location = finding.location
    return replace(finding, location=replace(location,
                                             path=names.get(location.path, location.path)),
                   flow=tuple(step(s) for s in finding.flow))


def _settle(per_scanner: dict[str, list[Finding]], calls: Sequence[AnalysedCall],
            keep: frozenset[str]) -> dict[str, list[Finding]]:
    """One side's findings weighed and merged across tools as in one scan, then fingerprinted
    on the paths the repository knows."""
    merged = normalize.merge_duplicates(normalize.adjudicate(per_scanner, calls, keep))
    return {name: fingerprint.assign(found) for name, found in merged.items()}


def _classify(plan: ScanPlan, changed: ScanResult | None,
              projects: tuple[_Project, _Project | None] | None, top: Path,
              changes: Sequence[vcs.Change]) -> ScanResult:
    changed_paths = frozenset(c.path for c in changes)
    names = {c.base_path: c.path for c in changes if c.base_path and c.base_path != c.path}
    runs: dict[str, ScannerRun] = {}
    head: dict[str, list[Finding]] = {}
    base: dict[str, list[Finding]] = {}
    run_notes: dict[str, list[Notification]] = {}
    head_calls: tuple[AnalysedCall, ...] = ()
    base_calls: list[AnalysedCall] = []
    notes: list[Notification] = []
    scanned: set[str] = set()
    if changed is not None:
        for run in changed.runs:
            runs[run.tool.name] = run
            head[run.tool.name] = _side(run.findings, HEAD_DIR)
            base[run.tool.name] = _side(run.findings, BASE_DIR)
            run_notes[run.tool.name] = [n for n in map(_note, run.notifications) if n]
        notes += [n for n in map(_note, changed.notifications) if n]
        scanned |= {p for p in (_strip(f, HEAD_DIR) for f in changed.scanned) if p}
    if projects is not None:
        now, then = projects
        for run in now.result.runs:
            runs[run.tool.name] = run
            head[run.tool.name] = list(run.findings)
            run_notes[run.tool.name] = list(run.notifications)
        head_calls = now.calls
        # the unchanged files' own notes were given by the scans that saw them change
        notes += [n for n in now.result.notifications if n.path is None or n.path in changed_paths]
        scanned |= set(now.result.scanned) & changed_paths
        for run in then.result.runs if then is not None else ():
            tool = run.tool.name
            base[tool] = [_renamed(f, names) for f in run.findings]
            run_notes[tool] += [n for n in run.notifications
                                if n.kind is NotificationKind.SCANNER_FAILURE]
            rules: dict[RuleId, Rule] = {**run.rules, **runs[tool].rules}
            runs[tool] = replace(runs[tool], rules=rules,
                                 succeeded=runs[tool].succeeded and run.succeeded,
                                 duration_s=round(runs[tool].duration_s + run.duration_s, 3))
        if then is not None:
            base_calls = [replace(c, path=names.get(c.path, c.path)) for c in then.calls]
            notes += [n for n in then.result.notifications
                      if n.kind is NotificationKind.SCANNER_FAILURE]

    order = [name for name in plan.scanners if name in runs]
    keep = never_lowered(plan)
    head = _settle({name: head.get(name, []) for name in order}, head_calls, keep)
    base = _settle({name: base.get(name, []) for name in order}, base_calls, keep)
    classified_runs = []
    for name in order:
        before = {f.fingerprint: f for f in base[name]}
        head_fps = {f.fingerprint for f in head[name]}
        classified = [replace(f, baseline_state=_state(f, before.get(f.fingerprint)))
                      for f in head[name]]
        classified += [replace(f, baseline_state="absent") for f in base[name]
                       if f.fingerprint not in head_fps]
        classified_runs.append(replace(runs[name], findings=tuple(classified),
                                       notifications=tuple(run_notes[name])))
    notes = [n for n in notes if n.message != "no files to scan"]
    notes.append(Notification(kind=NotificationKind.INFO,
                              message=f"diff-aware scan: {len(changes)} changed file(s) "
                                      f"compared with the base"))
    return ScanResult(root=str(top), runs=tuple(classified_runs), notifications=tuple(notes),
                      scanned=tuple(sorted(scanned)), mode=plan.mode.value)
