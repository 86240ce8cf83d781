"""Inline suppression comments.

`# secsdlc: ignore[RULE-ID, ...] reason` on the finding's line or alone on the line above. The
reason is mandatory: a suppression without one is not honoured and is itself reported, so that
"someone silenced this" always comes with a "why". bandit's `# nosec [B123]` and semgrep's
`# nosemgrep[: rule-id]` are honoured when the configuration says so. A suppressed finding stays
in the results with a SARIF `suppressions` entry; it only stops blocking.

`# secsdlc: waiver w-0123456789abcdef` names the signed waiver that accepts the findings on its
line: as written in advisory mode; in enforce mode it counts only when that very waiver is
approved, valid, unexpired and covers the finding. The comment does not enter the fingerprint, so
adding it after the waiver was requested keeps the waiver's fingerprint.

Comments are found with `tokenize`, so the text `"# nosec"` inside a string literal is not one.
In enforce mode an inline suppression is a derogation a correspondent must approve (see
secsdlc.derogations).
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from secsdlc.errors import ConfigError
from secsdlc.model import Severity

_SECSDLC = re.compile(r"#\s*secsdlc\s*:\s*ignore(?P<rest>.*)$")
_IDS_AND_REASON = re.compile(r"^\[(?P<ids>[^\]]*)\](?P<reason>.*)$")
# the waiver id has the form secsdlc.signoff.waivers.content_id writes
WAIVER_COMMENT = re.compile(r"#\s*secsdlc\s*:\s*waiver\b[ \t]*(?P<id>\S*)")
_WAIVER_ID = re.compile(r"^w-[0-9a-f]{16}$")
_NOSEC = re.compile(r"#\s*nosec\b(?P<ids>[^#]*)")
_NOSEMGREP = re.compile(r"#\s*nosemgrep\b(?:\s*:\s*(?P<ids>[\w.,\s-]+))?")
# what every directive above starts with
_ANY_DIRECTIVE = re.compile(r"#\s*(?:secsdlc|nosec|nosemgrep)")


@dataclass(frozen=True, kw_only=True)
class Directive:
    tool: str  # "secsdlc", "waiver", "nosec", "nosemgrep"
    rule_ids: frozenset[str]  # empty for a bare nosec / nosemgrep: every rule of that tool
    reason: str
    line: int
    problem: str = ""  # non-empty: malformed, not honoured, reported
    waiver_id: str = ""  # the waiver a "waiver" directive names


@dataclass(frozen=True, kw_only=True)
class SuppressionSettings:
    honour_nosec: bool = True
    honour_nosemgrep: bool = True
    # enforce mode: the highest severity an inline suppression may hide without a waiver; None,
    # the default, lets none count
    inline_up_to: Severity | None = None

    @classmethod
    def from_section(cls, section: Mapping[str, Any], source: str) -> SuppressionSettings:
        values: dict[str, Any] = {}
        for key, field_name in (("nosec", "honour_nosec"), ("nosemgrep", "honour_nosemgrep")):
            if key in section:
                if not isinstance(section[key], bool):
                    raise ConfigError(source, f"suppressions.{key}", "must be true or false")
                values[field_name] = section[key]
        if "inline-up-to" in section:
            value = section["inline-up-to"]
            if not isinstance(value, str):
                raise ConfigError(source, "suppressions.inline-up-to", "must be a severity")
            try:
                values["inline_up_to"] = Severity.parse(value)
            except ValueError as e:
                raise ConfigError(source, "suppressions.inline-up-to", str(e)) from None
        return cls(**values)


def parse_line(text: str, line: int) -> list[Directive]:
    """Directives in one source line (comments only: a `#` inside a string is rare enough)."""
    if "#" not in text:
        return []
    found: list[Directive] = []
    m = _SECSDLC.search(text)
    if m:
        rest = m.group("rest").strip()
        inner = _IDS_AND_REASON.match(rest)
        if inner is None:
            found.append(Directive(tool="secsdlc", rule_ids=frozenset(), reason="", line=line,
                                   problem="names no rule: write # secsdlc: ignore[RULE-ID] "
                                           "reason"))
        else:
            ids = frozenset(i.strip() for i in inner.group("ids").split(",") if i.strip())
            reason = inner.group("reason").strip(" -:\t")
            problem = ""
            if not ids:
                problem = "names no rule inside the brackets"
            elif not reason:
                problem = "has no reason: write the reason after the brackets"
            found.append(Directive(tool="secsdlc", rule_ids=ids, reason=reason, line=line,
                                   problem=problem))
    m = WAIVER_COMMENT.search(text)
    if m:
        waiver_id = m.group("id")
        problem = "" if _WAIVER_ID.match(waiver_id) else \
            "names no waiver: write # secsdlc: waiver w-0123456789abcdef"
        found.append(Directive(tool="waiver", rule_ids=frozenset(), reason=f"waiver {waiver_id}",
                               line=line, problem=problem, waiver_id=waiver_id))
    m = _NOSEC.search(text)
    if m:
        ids = frozenset(re.findall(r"\bB\d{3}\b", m.group("ids")))
        found.append(Directive(tool="nosec", rule_ids=ids, reason="# nosec", line=line))
    m = _NOSEMGREP.search(text)
    if m:
        ids = frozenset(i.strip() for i in (m.group("ids") or "").split(",") if i.strip())
        found.append(Directive(tool="nosemgrep", rule_ids=ids, reason="# nosemgrep", line=line))
    return found


def comments(lines: Sequence[str]) -> dict[int, str] | None:
    """Comment text by line number, as Python's tokenizer finds them; None for text that does not
    tokenize as Python (a YAML or .env file), whose lines are then read whole."""
    try:
        return {tok.start[0]: tok.string for tok in tokenize.generate_tokens(
            io.StringIO("\n".join(lines) + "\n").readline) if tok.type == tokenize.COMMENT}
    except (tokenize.TokenError, SyntaxError):
        return None


# The last file's comments: findings come grouped by file, so one entry serves most lookups.
_last: list[tuple[Sequence[str], dict[int, str] | None]] = []


def _comments_cached(lines: Sequence[str]) -> dict[int, str] | None:
    if _last and _last[0][0] is lines:
        return _last[0][1]
    found = comments(lines)
    _last[:] = [(lines, found)]
    return found


def directives_for(lines: list[str], start_line: int) -> list[Directive]:
    """Directives that apply to a finding starting at `start_line` (1-based)."""
    # A comment is part of its line: a line without a directive's start holds none, and the
    # file need not be tokenized (most files with findings have no directive at all).
    if not any(1 <= n <= len(lines) and _ANY_DIRECTIVE.search(lines[n - 1])
               for n in (start_line, start_line - 1)):
        return []
    by_line = _comments_cached(lines)

    def text(number: int) -> str:
        return lines[number - 1] if by_line is None else by_line.get(number, "")

    found: list[Directive] = []
    if 1 <= start_line <= len(lines):
        found += parse_line(text(start_line), start_line)
    above = start_line - 1
    if 1 <= above <= len(lines) and lines[above - 1].lstrip().startswith("#"):
        found += parse_line(text(above), above)
    return found


def covers(directive: Directive, rule_ids: set[str], scanners: set[str],
           settings: SuppressionSettings) -> bool:
    if directive.problem:
        return False
    if directive.tool == "secsdlc":
        return bool(directive.rule_ids & rule_ids) or "*" in directive.rule_ids
    if directive.tool == "waiver":
        return True  # which findings the waiver covers is the gate's to check
    if directive.tool == "nosec":
        if not settings.honour_nosec or "bandit" not in scanners:
            return False
        return not directive.rule_ids or bool(directive.rule_ids & rule_ids)
    if directive.tool == "nosemgrep":
        if not settings.honour_nosemgrep or "semgrep" not in scanners:
            return False
        return not directive.rule_ids or any(
            r == i or r.endswith("." + i) for r in rule_ids for i in directive.rule_ids)
    return False
