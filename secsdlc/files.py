"""Which files a scan looks at, and why some are skipped.

A skipped file is a value (a Notification), never a silent omission: the user must be able to tell
"no finding" from "not looked at".
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
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
) -> FileSet:
    """Walk `paths` (inside `root`) and return the scannable files with notifications."""
    root = root.resolve()
    inc = _compile(include)
    exc = _compile(exclude)
    notes: list[Notification] = []
    found: set[str] = set()
    digests: dict[str, str] = {}

    def consider(abs_path: Path, rel: str) -> None:
        if exc is not None and exc.match(rel):
            return
        if inc is not None and not inc.match(rel):
            return
        if abs_path.is_symlink():
            target = abs_path.resolve()
            if not _inside(target, root):
                notes.append(_skip(rel, "symbolic link to a target outside the scan root, "
                                        "not followed"))
            # a link inside the root is scanned at its target
            return
        try:
            size = abs_path.stat().st_size
        except OSError as e:
            notes.append(_skip(rel, f"cannot read: {e.strerror}"))
            return
        if size > max_file_size:
            notes.append(_skip(rel, f"larger than max-file-size ({size} > {max_file_size} bytes)"))
            return
        problem, digest = _content_problem(abs_path)
        if problem:
            # binaries (images, compiled catalogs) are expected in any tree: recorded as notes so
            # that they do not drown the warnings that need a look
            kind = (NotificationKind.INFO if problem.startswith("binary")
                    else NotificationKind.SKIPPED_FILE)
            notes.append(replace(_skip(rel, problem), kind=kind))
            return
        found.add(rel)
        digests[rel] = digest

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
        abs_given = Path(os.path.abspath(abs_given))
        if not _inside(abs_given.resolve() if not abs_given.is_symlink() else abs_given, root):
            notes.append(_skip(str(given), "outside the scan root, not scanned"))
            continue
        if abs_given.is_dir() and not abs_given.is_symlink():
            for dirpath, dirnames, filenames in os.walk(abs_given, followlinks=False):
                rel_dir = _rel(Path(dirpath), root)
                # prune excluded directories early; big trees (node_modules, .git) cost most
                kept = []
                for d in dirnames:
                    rel_d = f"{rel_dir}/{d}" if rel_dir else d
                    full = Path(dirpath) / d
                    if full.is_symlink():
                        consider(full, rel_d)
                    elif exc is None or not exc.match(rel_d + "/x"):
                        kept.append(d)
                dirnames[:] = sorted(kept)
                for name in filenames:
                    rel = f"{rel_dir}/{name}" if rel_dir else name
                    consider(Path(dirpath) / name, rel)
        else:
            consider(abs_given, _rel(abs_given, root))
    if not found and not any(n.kind is NotificationKind.SCANNER_FAILURE for n in notes):
        notes.append(
            Notification(kind=NotificationKind.WARNING, message="no files to scan")
        )
    return FileSet(root=root, files=tuple(sorted(found)), notifications=tuple(notes),
                   digests=digests)


def _rel(path: Path, root: Path) -> str:
    rel = os.path.relpath(path, root)
    return "" if rel == "." else Path(rel).as_posix()


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _skip(rel: str, why: str) -> Notification:
    return Notification(kind=NotificationKind.SKIPPED_FILE, message=f"{rel}: {why}", path=rel)


def _content_problem(path: Path) -> tuple[str | None, str]:
    """(why the file cannot be scanned or None, sha256 of its content)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        return f"cannot read: {e.strerror}", ""
    if b"\0" in data[:_SNIFF]:
        return "binary file, not scanned", ""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return f"not valid UTF-8 (line {line}), not scanned", ""
    return None, hashlib.sha256(data).hexdigest()
