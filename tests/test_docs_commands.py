"""Every `secsdlc ...` command line the README and docs show parses with the real argument parser.

Command lines are those of code blocks and usage synopses in inline code; synopses are read the way
a user reads them: `[--opt X]` is given, `a|b` picks the first choice, `...` (more of the same) is
left out, and indented `--option` lines continue the command above them. Inline code that only
names a command or an option in a sentence (`secsdlc gate`, `secsdlc scan --diff-base`) must name
ones that exist.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from secsdlc.cli import build_parser
from tests.resources import REPO

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
_FENCE = re.compile(r"^\s*```")
_SPAN = re.compile(r"`(secsdlc [^`]+)`")
_COMMAND = re.compile(r"^(?:\S*/)?secsdlc\s+[a-z-]")


def _code_commands(lines: list[str]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    in_code = False
    last = 0  # the line the latest command ended on
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if not in_code:
            continue
        text = line.split(" # ", 1)[0].rstrip()
        for part in re.split(r"\s*&&\s*", text.strip()):
            if _COMMAND.match(part):
                found.append((number, part))
                last = number
                break
        else:
            stripped = text.strip()
            if found and last == number - 1 and (
                    found[-1][1].endswith("\\")
                    or (line.startswith(" ") and stripped.startswith("-"))):
                start, previous = found.pop()
                found.append((start, previous.rstrip("\\").rstrip() + " " + stripped))
                last = number
    return found


def commands(path: Path) -> list[tuple[str, str]]:
    """(file:line, command line) of every secsdlc command in code blocks."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(f"{path.name}:{n}", c) for n, c in _code_commands(lines)]


def mentions(path: Path) -> list[tuple[str, str]]:
    """(file:line, text) of every inline code span starting with `secsdlc `, outside code blocks."""
    shown = []
    in_code = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if _FENCE.match(line):
            in_code = not in_code
        elif not in_code:
            shown += [(f"{path.name}:{number}", m.group(1)) for m in _SPAN.finditer(line)]
    return shown


def argv(command: str) -> list[str]:
    """The arguments a user types for a documented command (see the module docstring)."""
    text = command.replace("\\\n", " ").rstrip("\\").strip()
    text = re.sub(r"\s\.\.\.(?=\s|\]|$)", "", text)  # "PATH ..." / "IN..." : more of the same
    text = re.sub(r"(?<=\S)\.\.\.(?=\s|\]|$)", "", text)
    text = text.replace("[", " ").replace("]", " ")
    words = shlex.split(text)
    words = [w.split("|", 1)[0] if "|" in w and not w.startswith("-") else w for w in words]
    return words[1:]  # without "secsdlc" (or the path it was called by)


def _parse(words: list[str]) -> tuple[argparse.Namespace | None, str]:
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            return build_parser().parse_args(words), ""
    except SystemExit as e:
        return None, "" if e.code == 0 else err.getvalue().strip()


def _subcommand(parser: argparse.ArgumentParser, words: list[str]) -> argparse.ArgumentParser:
    """The parser of the deepest command `words` names (`history record` in `history record X`)."""
    for word in words:
        choices = next((a.choices for a in parser._actions
                        if isinstance(a, argparse._SubParsersAction)), None)
        if not isinstance(choices, dict) or word not in choices:
            break
        parser = choices[word]
    return parser


SHOWN = [c for path in DOCS for c in commands(path)]
MENTIONED = [c for path in DOCS for c in mentions(path)]


def test_the_docs_show_commands() -> None:
    assert len(SHOWN) > 30 and len(MENTIONED) > 20
    assert any(c.startswith("secsdlc scan [PATH") and "--diff-head" in c for _, c in SHOWN)


def test_the_reading_of_a_synopsis() -> None:
    assert argv("secsdlc scan [PATH ...] --format text|json") == ["scan", "PATH", "--format",
                                                                   "text"]
    assert _parse(argv("secsdlc scan --no-such-option"))[1]
    assert _parse(argv("secsdlc db update --timeout S"))[1]


@pytest.mark.parametrize(("where", "command"), SHOWN, ids=[w for w, _ in SHOWN])
def test_documented_command_parses(where: str, command: str) -> None:
    args, error = _parse(argv(command))
    assert not error, f"{where}: `{command}` does not parse: {error}"
    assert args is None or args.command is not None, f"{where}: `{command}` names no command"


@pytest.mark.parametrize(("where", "text"), MENTIONED, ids=[w for w, _ in MENTIONED])
def test_mentioned_command_and_options_exist(where: str, text: str) -> None:
    words = argv(text)
    if not _parse(words)[1]:
        return  # a whole command line
    parser = _subcommand(build_parser(), words)
    assert parser.prog != "secsdlc", f"{where}: `{text}` names no secsdlc command"
    known = {o for a in parser._actions for o in a.option_strings}
    unknown = [w.split("=", 1)[0] for w in words
               if w.startswith("-") and w.split("=", 1)[0] not in known]
    assert not unknown, f"{where}: `{text}`: {parser.prog} has no option {', '.join(unknown)}"
