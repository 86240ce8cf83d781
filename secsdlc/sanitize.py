"""Text from outside secsdlc, made safe for where it is written.

Scanned code, file names, configuration keys, git configuration and SARIF files given to us are
all attacker-controlled in a pull request. Each destination has its own way to be hijacked:

- a terminal obeys escape sequences (a line can be rewritten, colours can hide text): control and
  format characters are shown visibly, as ``\\x1b`` or ``\\u202e``;
- the GitHub Actions runner reads every line of a step's stdout *and* stderr for workflow
  commands (``::error::``, ``::stop-commands::``, and the older ``##[command]`` anywhere in a
  line): `guarded_streams` makes sure no line starts one unless secsdlc built it with
  `secsdlc.ci.commands` on purpose;
- markdown renders links, images, raw HTML and comments: `markdown_cell` escapes them;
- a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@``: `csv_cell` prefixes
  it with ``'`` (OWASP's CSV-injection guidance);
- HTML is escaped by the templates' autoescaping (and the page's CSP).
"""

from __future__ import annotations

import html
import io
import re
import sys
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TextIO, cast
from urllib.parse import quote

# ---------------------------------------------------------------------------------------------
# terminal


def _visible(char: str) -> str:
    if char in "\n\r":
        return "\\n" if char == "\n" else "\\r"
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _needs_escape(char: str) -> bool:
    # Cc: C0/C1 controls (ESC, CR, BEL...); Cf: bidi overrides and other invisible format
    # characters that reorder or hide text; Zl/Zp: line and paragraph separators.
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char != "\t"


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def terminal(text: str) -> str:
    """One line for a terminal or a log: every control or format character shown visibly."""
    if text.isascii():
        return _ASCII_CONTROL.sub(lambda m: _visible(m.group()), text)
    return "".join(_visible(c) if _needs_escape(c) else c for c in text)


# ---------------------------------------------------------------------------------------------
# GitHub Actions workflow commands

# The runner trims whitespace before looking for "::" and splits lines at CR as well as LF.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_COMMAND_START = re.compile(r"^((?:\s|[\u200b\ufeff]|\x1b\[[0-9;?]*[A-Za-z])*):(?=:)")
_V1_COMMAND = re.compile(r"##\[", re.IGNORECASE)
_SLICE = 1 << 20
_BEFORE_COMMAND = re.compile(r"(?:\s|[\u200b\ufeff]|\x1b\[[0-9;?]*[A-Za-z])*")
_allowed_lock = threading.Lock()
_allowed: dict[str, int] = {}


def allow_command(line: str) -> str:
    """Mark a workflow command secsdlc writes on purpose; it passes the guard once."""
    with _allowed_lock:
        _allowed[line] = _allowed.get(line, 0) + 1
    return line


def _take_allowed(line: str) -> bool:
    with _allowed_lock:
        count = _allowed.get(line, 0)
        if not count:
            return False
        if count == 1:
            del _allowed[line]
        else:
            _allowed[line] = count - 1
        return True


def neutralise_commands(line: str) -> str:
    """The line as shown, but no longer a workflow command (one character shown escaped)."""
    line = _COMMAND_START.sub(lambda m: m.group(1) + "\\x3a", line, count=1)
    return _V1_COMMAND.sub(lambda m: "#\\x23[", line)


def _may_hold_command(text: str, end: int) -> bool:
    """Whether a line of text[:end] could be one that `neutralise_commands` changes: cheap for a
    large report, where "::" is rare and found by substring search."""
    if text.find("##[", 0, end) >= 0:
        return True
    at = text.find("::", 0, end)
    while at >= 0:
        line = text.rfind("\n", 0, at) + 1
        start = text.rfind("\r", line, at) + 1 or line
        if _BEFORE_COMMAND.fullmatch(text, start, at):
            return True
        at = text.find("::", at + 2, end)
    return False


class WorkflowCommandGuard(io.TextIOBase):
    """A text stream that writes whole lines through, each one checked by neutralise_commands."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self.target = target
        self._pending = ""
        self._mid_line = False  # part of the current line was already written (a flush)

    def write(self, text: str) -> int:
        self._pending += text
        cut = max(self._pending.rfind("\n"), self._pending.rfind("\r"))
        if cut < 0:
            return len(text)
        if not _may_hold_command(self._pending, cut + 1):
            # no line could start a command: a large report goes through without being split,
            # in slices, so that the stream never holds an encoded copy of all of it
            whole, self._pending = self._pending[:cut + 1], self._pending[cut + 1:]
            for at in range(0, len(whole), _SLICE):
                self.target.write(whole[at:at + _SLICE])
            self._mid_line = False
            return len(text)
        parts = _LINE_BREAK.split(self._pending)
        breaks = _LINE_BREAK.findall(self._pending)
        self._pending = parts.pop()
        out = []
        for line, brk in zip(parts, breaks, strict=True):
            out.append(self._checked(line) + brk)
            self._mid_line = False
        if out:
            self.target.write("".join(out))
        return len(text)

    def _checked(self, line: str) -> str:
        if not self._mid_line and _take_allowed(line):
            return line
        if self._mid_line:
            return _V1_COMMAND.sub(lambda m: "#\\x23[", line)
        return neutralise_commands(line)

    def flush(self) -> None:
        if self._pending:
            self.target.write(self._checked(self._pending))
            self._pending = ""
            self._mid_line = True
        self.target.flush()

    def isatty(self) -> bool:
        return self.target.isatty()

    def fileno(self) -> int:
        return self.target.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.target.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.target.errors

    def writable(self) -> bool:
        return True


@contextmanager
def guarded_streams() -> Iterator[None]:
    """sys.stdout and sys.stderr guarded against workflow-command injection for the block."""
    saved = sys.stdout, sys.stderr
    guards = [WorkflowCommandGuard(s) if not isinstance(s, WorkflowCommandGuard) else None
              for s in saved]
    if guards[0] is not None:
        sys.stdout = cast(TextIO, guards[0])
    if guards[1] is not None:
        sys.stderr = cast(TextIO, guards[1])
    try:
        yield
    finally:
        for guard in guards:
            if guard is not None:
                with suppress(OSError, ValueError):
                    guard.flush()
        sys.stdout, sys.stderr = saved


# ---------------------------------------------------------------------------------------------
# markdown

_LINK_SYNTAX = re.compile(r"[\[\]]|(?<=[A-Za-z]):(?=//)|(?<=www)\.", re.IGNORECASE)


def markdown_cell(text: str) -> str:
    """Inline markdown for a table cell or list item: one line, no HTML, comment, link or image.

    HTML is entity-escaped (so is ``<!--``); ``[`` and ``]`` are backslash-escaped (no link or
    image syntax); ``https://`` and ``www.`` get an escape that stops GitHub's autolinking; pipes
    are escaped for the table and backticks become quotes (no code span to break out of).
    """
    text = html.escape(" ".join(terminal_lines(text).split()), quote=False)
    text = _LINK_SYNTAX.sub(lambda m: "\\" + m.group(0), text)
    return text.replace("|", "\\|").replace("`", "'")


def terminal_lines(text: str) -> str:
    """Control characters other than line breaks and tabs shown visibly."""
    return "\n".join(terminal(line) for line in text.splitlines())


def markdown_url(url: str) -> str:
    """A URL for ``[text](url)``: nothing in it can end the link or start markup."""
    return quote(url, safe="/:#?&=%~.-_+@,;!$*'")


# ---------------------------------------------------------------------------------------------
# CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> object:
    """A spreadsheet cell that cannot run as a formula; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value

