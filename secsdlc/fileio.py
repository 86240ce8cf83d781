"""Reading inputs and writing outputs so that bad paths are errors that name them.

Writes go to a temporary file in the target's directory, then are renamed over the target: a
reader never sees half a report and a full disk leaves the previous file intact. The rename only
ever replaces a regular file (never a device, a FIFO or a directory). Output paths can be checked
before any work is done, so a long scan does not end in a path error.

Reads accept regular files only (a FIFO would block, a device never ends) and up to a size cap;
text must be UTF-8 without NUL bytes, and JSON has a nesting limit.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from secsdlc.errors import UsageError

MAX_INPUT_BYTES = 512 * 1024 * 1024
MAX_JSON_DEPTH = 200


class InputError(UsageError):
    pass


def _where(path: Path, what: str) -> str:
    return f"{what} {path}" if what else str(path)


# ---------------------------------------------------------------------------------------------
# outputs


def check_output(path: Path, what: str = "", *, parents: bool = True) -> None:
    """Raise if `path` cannot become a regular file written by write_atomic.

    `parents`: missing directories above it will be created; else they are an error.
    """
    where = _where(path, what)
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise UsageError(f"{where}: a parent is a file, not a directory") from None
    except OSError as e:
        raise UsageError(f"{where}: {e.strerror or e}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{where}: is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{where}: not a regular file (refusing to replace it)")
    parent = path.parent
    if not parents and not parent.is_dir():
        raise UsageError(f"{where}: no such directory {parent}")
    for ancestor in (parent, *parent.parents):
        if ancestor.exists():
            if not ancestor.is_dir():
                raise UsageError(f"{where}: {ancestor} is a file, not a directory")
            if not os.access(ancestor, os.W_OK | os.X_OK):
                raise UsageError(f"{where}: directory {ancestor} is not writable")
            break


def check_distinct(outputs: Iterable[tuple[str, Path | None]]) -> None:
    """Two outputs to the same file: one would silently replace the other."""
    seen: dict[str, str] = {}
    for what, path in outputs:
        if path is None:
            continue
        key = os.path.realpath(path)
        if key in seen:
            raise UsageError(f"{what} {path}: the same file as {seen[key]}")
        seen[key] = f"{what} {path}"


def write_atomic(path: Path, data: str | bytes, what: str = "", *, mode: int | None = None,
                 parents: bool = True) -> None:
    """Replace `path` with `data` so that a crash or a full disk leaves the old file whole."""
    check_output(path, what, parents=parents)
    where = _where(path, what)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise UsageError(f"{where}: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        # checked again just before the rename: the target may have changed during the work
        check_output(path, what, parents=parents)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"{where}: cannot write: {e.strerror or e}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------
# inputs


def read_bytes(path: Path, what: str = "", *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """A regular file's content; never blocks on a FIFO, never reads an endless device."""
    where = _where(path, what)
    try:
        # O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{where}: file not found") from None
    except IsADirectoryError:
        raise InputError(f"{where}: is a directory, not a file") from None
    except OSError as e:
        raise InputError(f"{where}: cannot read: {e.strerror or e}") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{where}: is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{where}: not a regular file")
        if st.st_size > limit:
            raise InputError(f"{where}: larger than {limit // (1024 * 1024)} MiB")
        try:
            data = fh.read(limit + 1)
        except OSError as e:
            raise InputError(f"{where}: cannot read: {e.strerror or e}") from None
    if len(data) > limit:
        raise InputError(f"{where}: larger than {limit // (1024 * 1024)} MiB")
    return data


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 text; a NUL byte or invalid UTF-8 means binary input, named as such."""
    if b"\0" in data:
        raise InputError(f"{where}: binary file, expected text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: not UTF-8 text (byte {e.start}): binary file?") from None


def read_text(path: Path, what: str = "", *, limit: int = MAX_INPUT_BYTES) -> str:
    return decode_text(read_bytes(path, what, limit=limit), _where(path, what))


_NOT_BRACKETS = bytes(range(256)).translate(None, b"[]{}")
_SQUARE = bytes.maketrans(b"{}", b"[]")


def _depth_bound(text: str | bytes, limit: int) -> int:
    """An upper bound of the nesting depth (brackets inside strings count too), at C speed:
    each pass removes the innermost pairs; it stops once past `limit`."""
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    brackets = raw.translate(_SQUARE, _NOT_BRACKETS)
    depth = 0
    while brackets and depth <= limit:
        inner = brackets.replace(b"[]", b"")
        if len(inner) == len(brackets):  # unmatched brackets (in strings): count them all
            return depth + len(brackets)
        depth += 1
        brackets = inner
    return depth


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def loads_json(text: str | bytes, where: str, *, max_depth: int = MAX_JSON_DEPTH,
               unique_keys: bool = False) -> Any:
    """json.loads whose every failure is an InputError naming `where`."""
    hook = _reject_duplicates if unique_keys else None
    # bounded before parsing: the bound's copy of the text is gone before the document is built
    deep = _depth_bound(text, max_depth) > max_depth
    try:
        doc = json.loads(text, object_pairs_hook=hook)
    except RecursionError:
        raise InputError(f"{where}: JSON nested deeper than {max_depth} levels") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: not UTF-8 text (byte {e.start}): binary file?") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{where}: not valid JSON (line {e.lineno}, column {e.colno}): "
                         f"{e.msg}") from None
    except ValueError as e:
        raise InputError(f"{where}: not valid JSON: {e}") from None
    # the exact count walks every value: only when the cheap bound is not enough
    if deep and json_depth(doc) > max_depth:
        raise InputError(f"{where}: JSON nested deeper than {max_depth} levels")
    return doc


def json_depth(doc: Any) -> int:
    """Nesting depth, without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in node if isinstance(v, (dict, list)))
    return deepest


def load_json(path: Path, what: str = "", *, limit: int = MAX_INPUT_BYTES,
              unique_keys: bool = False) -> Any:
    where = _where(path, what)
    return loads_json(decode_text(read_bytes(path, what, limit=limit), where), where,
                      unique_keys=unique_keys)
