"""Reading manifests and finding where a parsed value was written.

TOML and JSON parsers give values but not positions; SARIF needs the line. These helpers search the
raw text for what the parser returned, in document order, so a value is found where it was written
and a duplicate later in the file is not mistaken for it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from secsdlc.deps.interface import Problem, SourceError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def read(root: Path, rel: str) -> str:
    try:
        return (root / rel).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(str(Problem(path=rel, line=0, message=f"cannot read: {e}"))) from e


def load_toml(text: str, rel: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        # tomllib puts "(at line N, column M)" in its message; keep it, it is the position.
        raise SourceError(str(Problem(path=rel, line=_toml_line(str(e), text),
                                      message=f"invalid TOML: {e}"))) from e


def _toml_line(message: str, text: str) -> int:
    found = re.search(r"line (\d+)", message)
    if found:
        return int(found.group(1))
    return max(1, len(text.splitlines())) if "end of document" in message else 0


class Locator:
    """Line numbers of values in `text`, searched forward from a moving cursor."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines()
        self._starts = [0]
        for line in self.lines:
            self._starts.append(self._starts[-1] + len(line) + 1)

    def line_at(self, offset: int) -> int:
        lo, hi = 0, len(self._starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def column_at(self, offset: int) -> int:
        return offset - self._starts[self.line_at(offset) - 1] + 1

    def line_text(self, line: int) -> str:
        return self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""

    def find(self, pattern: str, start: int = 0, end: int | None = None) -> int:
        """Offset of the first regex match in [start, end), else -1."""
        found = re.compile(pattern, re.MULTILINE).search(self.text, start,
                                                         len(self.text) if end is None else end)
        return found.start() if found else -1

    def header(self, dotted: str, start: int = 0) -> int:
        """Offset of a `[a.b]` table header (quotes and spaces allowed), else -1."""
        parts = [rf"\s*(?:\"{re.escape(p)}\"|'{re.escape(p)}'|{re.escape(p)})\s*"
                 for p in dotted.split(".")]
        return self.find(r"^\s*\[" + r"\.".join(parts) + r"\]", start)

    def array_headers(self, name: str) -> list[int]:
        """Offsets of every `[[name]]` header, in order."""
        pattern = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]", re.MULTILINE)
        return [m.start() for m in pattern.finditer(self.text)]

    def key(self, key: str, start: int, end: int | None = None) -> int:
        """Offset of `key =` at the start of a line (bare or quoted key)."""
        k = re.escape(key)
        return self.find(rf"^[ \t]*(?:{k}|\"{k}\"|'{k}')[ \t]*=", start, end)

    def string(self, value: str, start: int, end: int | None = None) -> int:
        """Offset of a quoted string literal equal to `value` (TOML or JSON quoting)."""
        v = re.escape(value)
        return self.find(rf"(?:\"{v}\"|'{v}')", start, end)
