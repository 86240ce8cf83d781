"""Diff-aware scans: only what a change introduced blocks.

The changed files are scanned twice, as they are now (staged content or work tree) and as they
were at the base, in ONE run of each scanner over a temporary tree holding both sides: the fixed
start-up cost of a scanner (semgrep's rule compilation) is paid once. A finding whose fingerprint
exists on both sides is "unchanged" (or "updated", which blocks, when its severity rose), one
only in the new content is "new", one only at the base is "absent" (fixed). Renamed files are
compared under their new name.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from secsdlc import files, fingerprint, vcs
from secsdlc.config import DEFAULT_EXCLUDE
from secsdlc.engine import ProgressCallback, ScanPlan, scan
from secsdlc.model import Finding, Notification, NotificationKind, ScanResult

HEAD_DIR = "head"
BASE_DIR = "base"


@dataclass(frozen=True, kw_only=True)
class DiffRequest:
    staged: bool = False
    diff_base: str | None = None  # a ref; None with staged: HEAD
    # a commit to scan instead of the work tree (what a push sends); None: the work tree or index
    diff_head: str | None = None


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
    changes = [c for c in changes if _selected(c.path, plan, top)]
    config = plan.config
    include, exclude = config.include, (*DEFAULT_EXCLUDE, *config.exclude)
    changes = [c for c in changes if (not include or files.matches(c.path, include))
               and not files.matches(c.path, exclude)]

    tmp = Path(tempfile.mkdtemp(prefix="secsdlc-diff-"))
    try:
        head_root, base_root = tmp / HEAD_DIR, tmp / BASE_DIR
        head_root.mkdir()
        base_root.mkdir()
        paths = [c.path for c in changes]
        if head is not None:
            vcs.write_tree_files(repo, head, {p: p for p in paths}, head_root)
        elif request.staged:
            vcs.write_index_files(repo, paths, head_root)
        else:
            for path in paths:
                source = top / path
                if source.is_file() and not source.is_symlink():
                    (head_root / path).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, head_root / path)
        if base is not None:
            vcs.write_tree_files(repo, base, {c.base_path: c.path for c in changes
                                              if c.base_path}, base_root)
        combined = scan(replace(plan, root=tmp, paths=(head_root, base_root),
                                config=replace(config, include=(), exclude=())),
                        progress=progress)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return _classify(combined, top, scanned=len(changes))


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
    # fingerprints hash the path: recompute them on the paths the repository knows
    return fingerprint.assign(out)


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


def _classify(combined: ScanResult, top: Path, *, scanned: int) -> ScanResult:
    runs = []
    for run in combined.runs:
        head = _side(run.findings, HEAD_DIR)
        base = _side(run.findings, BASE_DIR)
        before = {f.fingerprint: f for f in base}
        head_fps = {f.fingerprint for f in head}
        classified = [replace(f, baseline_state=_state(f, before.get(f.fingerprint)))
                      for f in head]
        classified += [replace(f, baseline_state="absent") for f in base
                       if f.fingerprint not in head_fps]
        run_notes = tuple(n for n in (_note(n) for n in run.notifications) if n is not None)
        runs.append(replace(run, findings=tuple(classified), notifications=run_notes))
    notes = [n for n in (_note(n) for n in combined.notifications) if n is not None
             and n.message != "no files to scan"]
    notes.append(Notification(kind=NotificationKind.INFO,
                              message=f"diff-aware scan: {scanned} changed file(s) compared "
                                      f"with the base"))
    scanned_paths = tuple(sorted({p for p in (_strip(f, HEAD_DIR) for f in combined.scanned)
                                  if p is not None}))
    return ScanResult(root=str(top), runs=tuple(runs), notifications=tuple(notes),
                      scanned=scanned_paths)
