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
from typing import Any

from secsdlc.model import Notification, NotificationKind

_SNIFF = 8192


@dataclass(frozen=True, kw_only=True)
class FileSet:
    root: Path
    files: tuple[str, ...]  # relative POSIX paths, sorted
    notifications: tuple[Notification, ...]
    digests: Mapping[str, str] = field(default_factory=dict)  # path -> sha256 of the content
    # files Python runs though their names do not say so (a `#!...python` first line)
    python_scripts: frozenset[str] = frozenset()
    # binary files (NUL bytes), not in `files`: only a scanner that reads bytes gets them
    binaries: frozenset[str] = frozenset()

    def for_scanner(self, scanner: Any) -> tuple[str, ...]:
        """The files `scanner` reads: those its `applies_to` accepts by name, the Python scripts
        when it reads `.py` files and says it reads scripts too, and the binaries when it says
        it reads them (`reads_binaries`: the secrets scanner, as a key is leaked in any file)."""
        scripts = getattr(scanner, "reads_python_scripts", False)
        named = [f for f in self.files if scanner.applies_to(f) or (
            scripts and f in self.python_scripts and scanner.applies_to(f + ".py"))]
        if getattr(scanner, "reads_binaries", False) and self.binaries:
            return tuple(sorted((*named, *self.binaries)))
        return tuple(named)

    def shard(self, index: int, count: int) -> FileSet:
        """Shard `index` (1-based) of `count`: a stable split by path, the same on every runner."""
        files = tuple(f for f in self.files if shard_of(f, count) == index)
        binaries = frozenset(f for f in self.binaries if shard_of(f, count) == index)
        notes = tuple(n for n in self.notifications
                      if n.path is None or shard_of(n.path, count) == index)
        return FileSet(root=self.root, files=files, notifications=notes,
                       digests={f: self.digests[f] for f in (*files, *binaries)
                                if f in self.digests},
                       python_scripts=self.python_scripts & frozenset(files), binaries=binaries)


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
    return _matcher(tuple(globs)).match(path) is not None


@functools.lru_cache(maxsize=256)
def _matcher(globs: tuple[str, ...]) -> re.Pattern[str]:
    # a gate over many findings asks of the same few globs for every path: compile them once,
    # each as our glob and as fnmatch reads it
    parts = [p for g in globs for p in (_glob_to_regex(g), fnmatch.translate(g))]
    return re.compile("|".join(f"(?:{p})" for p in parts) if parts else r"(?!)")


def collect(
    root: Path,
    paths: Sequence[Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    max_file_size: int = 1_048_576,
    wanted_by: Callable[[str], frozenset[str]] = lambda path: frozenset({"any"}),
    keep: frozenset[str] = frozenset(),
    submodules: Sequence[str] = (),
) -> FileSet:
    """Walk `paths` (inside `root`) and return the scannable files with notifications.

    `wanted_by(path)` names the scanners that would analyse a file of that name: a file one of
    them wanted and that cannot be scanned is NOT_SCANNED (an error in enforce mode), one none of
    them wanted is only noted. `keep` names files (relative to `root`) that `exclude` does not
    remove. `submodules` names the directories (relative to `root`) where git expects another
    repository's files: one that is not checked out holds code no scanner saw.
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
    scripts: set[str] = set()
    binaries: set[str] = set()
    considered = 0
    # the directories holding a kept file are walked even when excluded
    keep_dirs = {rel.rsplit("/", i)[0] for rel in keep for i in range(1, rel.count("/") + 1)}

    def excluded(rel: str) -> bool:
        return exc is not None and bool(exc.match(rel)) and rel not in keep

    def unscanned(rel: str, why: str) -> None:
        """A file a scanner wanted is an error; a binary nobody reads (an image) only a note."""
        if wanted_by(rel):
            notes.append(replace(_skip(rel, why), kind=NotificationKind.NOT_SCANNED))
        else:
            notes.append(replace(_skip(rel, why), kind=NotificationKind.INFO))

    def consider(abs_path: str, rel: str, st: os.stat_result | None = None) -> None:
        nonlocal considered
        if excluded(rel):
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
            target_rel = _rel(target, root_str)
            # the link's name is not excluded, its target is: code reached through the link
            # would be read by no scanner
            if os.path.isdir(target):
                if excluded(target_rel + "/x") and target_rel not in keep_dirs:
                    wanted = _first_wanted(target, root_str, wanted_by)
                    if wanted:
                        unscanned(wanted, f"reached through the symbolic link {rel} to the "
                                          f"excluded directory {target_rel}, not scanned")
                return
            if excluded(target_rel):
                unscanned(rel, f"symbolic link to {target_rel}, which is excluded, not scanned")
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
        if rel.endswith(_BYTECODE):
            # Python runs the bytecode a commit carries: an unchecked-hash __pycache__ file in
            # place of its scanned source, a module.pyc with no source at all
            notes.append(replace(_skip(rel, "compiled Python (bytecode) that Python may run "
                                            "instead of the scanned source, not scanned (remove "
                                            "it from the repository, or exclude it in the "
                                            "trusted configuration)"),
                                 kind=NotificationKind.NOT_SCANNED))
            return
        if st.st_size > max_file_size:
            unscanned(rel, f"larger than max-file-size ({st.st_size} > {max_file_size} bytes), "
                           f"not scanned")
            return
        python = rel.endswith(_PYTHON)
        problem, digest, script = _content_problem(abs_path, python=python)
        if script:
            # `bin/deploy` starting `#!/usr/bin/env python3` runs as Python: the Python
            # scanners read it, and a problem with it is theirs
            scripts.add(rel)
            python = True
        if problem:
            if script:
                notes.append(replace(_skip(rel, problem), kind=NotificationKind.NOT_SCANNED))
            elif python or not problem.startswith("binary"):
                # text the scanners do not read (a credential in a latin-1 or UTF-16 file)
                unscanned(rel, problem)
            else:
                # binaries (images, compiled catalogs) are expected in any tree: a note, so that
                # they do not drown the warnings that need a look; a credential is leaked in
                # one too (a NUL byte put before the keys of a .env), so the secrets scanner
                # reads their bytes
                notes.append(Notification(kind=NotificationKind.INFO, path=rel,
                                          message=f"{rel}: binary file (NUL bytes), read for "
                                                  f"credentials only"))
                binaries.add(rel)
                digests[rel] = digest
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
                if not excluded(rel + "/x") or rel in keep_dirs:
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
    walked = [_rel(os.path.abspath(g if g.is_absolute() else Path.cwd() / g), root_str)
              for g in paths]
    for sub in submodules:
        if not any(w == "" or sub == w or sub.startswith(w + "/") for w in walked) \
                or excluded(sub + "/x") or (inc is not None and not inc.match(sub + "/x")):
            continue
        try:
            checked_out = any(e != ".git" for e in os.listdir(os.path.join(root_str, sub)))
        except OSError:
            checked_out = False
        if not checked_out:
            notes.append(replace(_skip(sub, "git submodule not checked out: its code was not "
                                            "scanned (check out submodules, or exclude it in "
                                            "the trusted configuration)"),
                                 kind=NotificationKind.NOT_SCANNED))
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
                   digests=digests, python_scripts=frozenset(scripts & found),
                   binaries=frozenset(binaries))


def _first_wanted(directory: str, root: str,
                  wanted_by: Callable[[str], frozenset[str]]) -> str | None:
    """The first file under `directory` some scanner would read, relative to `root`."""
    for here, dirs, names in os.walk(directory):
        dirs.sort()
        for name in sorted(names):
            rel = _rel(os.path.join(here, name), root)
            if wanted_by(rel):
                return rel
    return None


def kept_despite(tracked: Iterable[str], builtin: Sequence[str],
                 configured: Sequence[str]) -> frozenset[str]:
    """The tracked files only the built-in exclusions (virtual environments, node_modules,
    caches) would remove: a commit can put application code there, and only an exclusion the
    configuration names may leave it unscanned."""
    builtin_re, configured_re = _compile(builtin), _compile(configured)
    if builtin_re is None:
        return frozenset()
    # the built-in exclusions name directories: one match per directory, not per file
    by_directory: dict[str, bool] = {}
    kept = []
    for path in tracked:
        parent = path.rpartition("/")[0]
        hit = by_directory.get(parent)
        if hit is None:
            hit = by_directory[parent] = bool(parent) and bool(builtin_re.match(parent + "/x"))
        if hit and builtin_re.match(path):
            kept.append(path)
    return frozenset(p for p in kept
                     if not (configured_re is not None and configured_re.match(p)))


def source_lines(text: str) -> list[str]:
    """The lines of text read with universal newlines, numbered as Python and the scanners number
    them: `str.splitlines` also breaks at a form feed, a vertical tab or U+2028, which Python
    source may hold, and every line after one would be shown, fingerprinted and matched against
    waivers as the text of another line."""
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def _rel(path: str, root: str) -> str:
    rel = os.path.relpath(path, root)
    return "" if rel == "." else rel.replace(os.sep, "/")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _skip(rel: str, why: str) -> Notification:
    return Notification(kind=NotificationKind.SKIPPED_FILE, message=f"{rel}: {why}", path=rel)


_PYTHON = (".py", ".pyw")
_BYTECODE = (".pyc", ".pyo")


_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def _wide_text(head: bytes) -> str | None:
    """"UTF-16" or "UTF-32" for text in those encodings (by its byte order mark, or ASCII with a
    NUL after or before every character), None otherwise: its NUL bytes are not a binary's."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if len(head) < 16 or b"\0" not in head:
        return None
    for zeros, text in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if zeros.count(0) >= 0.95 * len(zeros) and _mostly_printable(text):
            return "UTF-16"
    return None


def _mostly_printable(data: bytes) -> bool:
    printable = sum(1 for b in data if 32 <= b < 127 or b in (9, 10, 13))
    return printable >= 0.95 * len(data)


_BARE_CR = re.compile(rb"\r(?!\n)")
_PYTHON_SHEBANG = re.compile(rb"#![^\n]*\bpython[\d.]*\b")


def _content_problem(path: str, *, python: bool) -> tuple[str | None, str, bool]:
    """(why the file cannot be scanned or None, sha256 of its content, whether it is a Python
    script by its first line though not by its name)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        return f"cannot read: {e.strerror}", "", False
    script = not python and _PYTHON_SHEBANG.match(data) is not None
    problem, digest = _decoding_problem(data, python=python or script)
    return problem, digest, script


def _decoding_problem(data: bytes, *, python: bool) -> tuple[str | None, str]:
    wide = _wide_text(data[:_SNIFF])
    if wide:
        return f"{wide} text, which the scanners do not read (only UTF-8), not scanned", ""
    if b"\0" in (data if python else data[:_SNIFF]):
        return "binary file (NUL bytes), not scanned", hashlib.sha256(data).hexdigest()
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
    bare = _BARE_CR.search(data) if python else None
    if bare is not None:
        # Python ends a line at a lone carriage return; semgrep does not, and reads the code
        # after a comment on such a line as part of the comment, without an error
        line = data.count(b"\n", 0, bare.start()) + 1
        return (f"a carriage return without a line feed ends line {line} for Python but not "
                f"for semgrep, not scanned"), ""
    return None, hashlib.sha256(data).hexdigest()
