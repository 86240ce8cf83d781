"""Which files a scan looks at, and why some are skipped.

A skipped file is a value (a Notification), never a silent omission: the user must be able to tell
"no finding" from "not looked at".
"""

from __future__ import annotations

import codecs
import fnmatch
import functools
import hashlib
import io
import os
import re
import stat
import tokenize
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from secsdlc.model import Notification, NotificationKind

_SNIFF = 8192


@dataclass(frozen=True, kw_only=True)
class FileSet:
    root: Path
    files: tuple[str, ...]  # relative POSIX paths, sorted
    notifications: tuple[Notification, ...]
    digests: Mapping[str, str] = field(default_factory=dict)  # path -> sha256 of the content

    def shard(self, index: int, count: int) -> FileSet:
        """Shard `index` (1-based) of `count`: a stable split by path, the same on every runner."""
        files = tuple(f for f in self.files if shard_of(f, count) == index)
        notes = tuple(n for n in self.notifications
                      if n.path is None or shard_of(n.path, count) == index)
        return FileSet(root=self.root, files=files, notifications=notes,
                       digests={f: self.digests[f] for f in files if f in self.digests})


def shard_of(path: str, count: int) -> int:
    return int(hashlib.sha256(path.encode("utf-8")).hexdigest()[:12], 16) % count + 1


def _compile(globs: Iterable[str]) -> re.Pattern[str] | None:
    parts = [_glob_to_regex(g) for g in globs]
    return re.compile("|".join(parts)) if parts else None


@functools.lru_cache(maxsize=1024)
def _glob_to_regex(glob: str) -> str:
    """`**` spans directories, `*` and `?` stay within one path segment."""
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "(?:" + "".join(out) + ")$"


def matches(path: str, globs: Sequence[str]) -> bool:
    return any(re.match(_glob_to_regex(g), path) or fnmatch.fnmatch(path, g) for g in globs)


def collect(
    root: Path,
    paths: Sequence[Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    max_file_size: int = 1_048_576,
    wanted_by: Callable[[str], frozenset[str]] = lambda path: frozenset({"any"}),
) -> FileSet:
    """Walk `paths` (inside `root`) and return the scannable files with notifications.

    `wanted_by(path)` names the scanners that would analyse a file of that name: a file one of
    them wanted and that cannot be scanned is NOT_SCANNED (an error in enforce mode), one none of
    them wanted is only noted.
    """
    # Plain strings and os.scandir, not pathlib: a warm rescan of a large tree is mostly this walk
    # (benchmarks/bench_devloop.py measures it).
    root = root.resolve()
    root_str = str(root)
    inc = _compile(include)
    exc = _compile(exclude)
    notes: list[Notification] = []
    found: set[str] = set()
    digests: dict[str, str] = {}
    considered = 0

    def unscanned(rel: str, why: str) -> None:
        """A file a scanner wanted is an error; a binary nobody reads (an image) only a note."""
        if wanted_by(rel):
            notes.append(replace(_skip(rel, why), kind=NotificationKind.NOT_SCANNED))
        else:
            notes.append(replace(_skip(rel, why), kind=NotificationKind.INFO))

    def consider(abs_path: str, rel: str, st: os.stat_result | None = None) -> None:
        nonlocal considered
        if exc is not None and exc.match(rel):
            return
        considered += 1
        if inc is not None and not inc.match(rel):
            return
        try:
            st = st or os.lstat(abs_path)
        except OSError as e:
            notes.append(replace(_skip(rel, f"cannot read: {e.strerror}"),
                                 kind=NotificationKind.NOT_SCANNED))
            return
        if stat.S_ISLNK(st.st_mode):
            target = os.path.realpath(abs_path)
            if not _inside(target, root_str):
                unscanned(rel, "symbolic link to a target outside the scan root, not followed")
                return
            # a link inside the root is scanned at its target, by the scanners of the target's
            # name: one whose own name asks for more (app.py -> notes.txt) hides code from them
            missing = wanted_by(rel) - wanted_by(_rel(target, root_str))
            if missing:
                unscanned(rel, f"symbolic link to {_rel(target, root_str)}, which "
                               f"{', '.join(sorted(missing))} does not read, not scanned")
            return
        if not stat.S_ISREG(st.st_mode):
            unscanned(rel, "not a regular file (a FIFO, socket or device), not scanned")
            return
        if st.st_size > max_file_size:
            unscanned(rel, f"larger than max-file-size ({st.st_size} > {max_file_size} bytes), "
                           f"not scanned")
            return
        python = rel.endswith(_PYTHON)
        problem, digest = _content_problem(abs_path, python=python)
        if problem:
            if python:
                unscanned(rel, problem)
            else:
                # binaries (images, compiled catalogs) are expected in any tree: a note, so that
                # they do not drown the warnings that need a look; the text scanners read
                # UTF-8 only and say so
                kind = (NotificationKind.INFO if problem.startswith("binary")
                        else NotificationKind.SKIPPED_FILE)
                notes.append(replace(_skip(rel, problem), kind=kind))
            return
        found.add(rel)
        digests[rel] = digest

    def walk(directory: str, rel_dir: str) -> None:
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            notes.append(_skip(rel_dir or ".", f"cannot read: {e.strerror}"))
            return
        subdirs = []
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                st = None if is_dir else entry.stat(follow_symlinks=False)
            except OSError as e:
                notes.append(_skip(rel, f"cannot read: {e.strerror}"))
                continue
            if is_dir:
                # prune excluded directories early; big trees (node_modules, .git) cost most
                if exc is None or not exc.match(rel + "/x"):
                    subdirs.append((entry.path, rel))
            else:
                consider(entry.path, rel, st)
        for path, rel in subdirs:
            walk(path, rel)

    for given in paths:
        abs_given = given if given.is_absolute() else (Path.cwd() / given)
        if not abs_given.exists() and not abs_given.is_symlink():
            notes.append(
                Notification(
                    kind=NotificationKind.SCANNER_FAILURE,
                    message=f"path does not exist: {given}",
                    path=str(given),
                )
            )
            continue
        abs_str = os.path.abspath(abs_given)
        checked = abs_str if os.path.islink(abs_str) else os.path.realpath(abs_str)
        if not _inside(checked, root_str):
            notes.append(replace(_skip(str(given), "outside the scan root, not scanned"),
                                 kind=NotificationKind.NOT_SCANNED))
            continue
        if os.path.isdir(abs_str) and not os.path.islink(abs_str):
            walk(abs_str, _rel(abs_str, root_str))
        else:
            consider(abs_str, _rel(abs_str, root_str))
    if inc is not None and considered and not found and not notes:
        notes.append(Notification(
            kind=NotificationKind.NOT_SCANNED,
            message=f"include patterns {', '.join(include)} match none of the {considered} "
                    f"file(s) under the scan root: nothing was scanned"))
    if not found and not any(n.kind is NotificationKind.SCANNER_FAILURE for n in notes):
        notes.append(
            Notification(kind=NotificationKind.WARNING, message="no files to scan")
        )
    return FileSet(root=root, files=tuple(sorted(found)), notifications=tuple(notes),
                   digests=digests)


def _rel(path: str, root: str) -> str:
    rel = os.path.relpath(path, root)
    return "" if rel == "." else rel.replace(os.sep, "/")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _skip(rel: str, why: str) -> Notification:
    return Notification(kind=NotificationKind.SKIPPED_FILE, message=f"{rel}: {why}", path=rel)


_PYTHON = (".py", ".pyw")


def _content_problem(path: str, *, python: bool) -> tuple[str | None, str]:
    """(why the file cannot be scanned or None, sha256 of its content)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        return f"cannot read: {e.strerror}", ""
    if b"\0" in (data if python else data[:_SNIFF]):
        return "binary file (NUL bytes), not scanned", ""
    encoding = "utf-8"
    cookie_problem = ""
    if python:
        # PEP 263: a coding cookie makes a latin-1 source as valid as a UTF-8 one
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as e:  # an unknown encoding, or no cookie and not UTF-8
            cookie_problem = f"invalid source encoding declaration ({e.msg}), not scanned"
    try:
        codecs.decode(data, encoding)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        name = "UTF-8" if encoding.replace("-", "").lower().startswith("utf8") else encoding
        return f"not valid {name} (line {line}), not scanned", ""
    if cookie_problem:
        return cookie_problem, ""
    return None, hashlib.sha256(data).hexdigest()
