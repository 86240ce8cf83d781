"""GitHub Actions workflow commands (`::error file=...,line=...::message`).

Escaping follows actions/toolkit (command.ts): in the message `%`, CR and LF are percent-encoded;
in properties `:` and `,` too. A newline left raw in a finding's message would end the command
and let the rest of the line be read as a new one (a path or message under an attacker's control
could then set outputs or environment variables).

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and 50 per job
(actions/toolkit docs/problem-matchers.md, "Limitations"); past that they are dropped silently,
so the caller caps them and says how many were left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from secsdlc.model import Finding
from secsdlc.sanitize import allow_command

MAX_PER_LEVEL = 10  # per step, per level (error / warning / notice)
MAX_TITLE = 200
MAX_MESSAGE = 1000


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items()
                     if v is not None and v != "")
    return allow_command(f"::{name}{' ' + props if props else ''}::{escape_data(message)}")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True, kw_only=True)
class Annotations:
    lines: tuple[str, ...]
    emitted: int
    left_out: int


def finding_annotation(finding: Finding, path: str, *, level: str = "error") -> str:
    """One annotation at the finding's place; `path` is relative to the repository root."""
    loc = finding.location
    end_line = loc.end_line if loc.end_line and loc.end_line >= loc.start_line else None
    single_line = end_line is None or end_line == loc.start_line
    title = _clip(f"secsdlc {finding.severity.value}: {finding.rule_id}", MAX_TITLE)
    message = _clip(" ".join(finding.message.split()) or str(finding.rule_id), MAX_MESSAGE)
    return command(
        level, message, file=path, line=loc.start_line, endLine=end_line,
        # GitHub takes columns only on a single-line annotation
        col=loc.start_column if single_line else None,
        endColumn=loc.end_column if single_line and loc.end_column else None,
        title=title,
    )


def annotate(findings: Sequence[tuple[Finding, str]], *, level: str = "error",
             limit: int = MAX_PER_LEVEL) -> Annotations:
    """Annotations for (finding, repository path) pairs, at most `limit` (the most severe first).

    When some are left out, the last annotation slot says so and where the rest are.
    """
    ordered = sorted(findings, key=lambda p: (-p[0].severity.rank, p[1],
                                              p[0].location.start_line, p[0].rule_id))
    if len(ordered) <= limit:
        shown, left_out = ordered, 0
    else:
        shown, left_out = ordered[: max(limit - 1, 0)], len(ordered) - max(limit - 1, 0)
    lines = [finding_annotation(f, path, level=level) for f, path in shown]
    if left_out:
        lines.append(command(level, f"{left_out} more finding(s) not annotated (GitHub shows "
                                    f"{limit} {level} annotations per step): see the job "
                                    f"summary and the SARIF artifact",
                             title="secsdlc: more findings"))
    return Annotations(lines=tuple(lines), emitted=len(shown), left_out=left_out)


def group(title: str, lines: Iterable[str]) -> list[str]:
    return [allow_command(f"::group::{escape_data(title)}"), *lines,
            allow_command("::endgroup::")]
