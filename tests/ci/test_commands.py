"""Workflow commands: escaping that cannot be broken out of, and GitHub's annotation cap."""

from __future__ import annotations

import re

from secsdlc.ci import commands
from secsdlc.ci.outputs import OutputError, format_outputs, parse_outputs
from secsdlc.model import Confidence, Finding, Location, RuleId, ScannerName, Severity


def finding(path: str = "app/x.py", line: int = 3, *, message: str = "bad thing",
            severity: Severity = Severity.HIGH, rule: str = "B602",
            end_line: int | None = None) -> Finding:
    return Finding(rule_id=RuleId(rule), scanners=(ScannerName("bandit"),), message=message,
                   severity=severity, confidence=Confidence.HIGH,
                   location=Location(path=path, start_line=line, start_column=5,
                                     end_line=end_line, end_column=9))


def test_message_cannot_start_a_new_command() -> None:
    evil = "ok\n::set-output name=gate::passed\r\n::add-mask::x 100%"
    line = commands.finding_annotation(finding(message=evil), "app/x.py")
    assert "\n" not in line and "\r" not in line  # one line: one command
    # "::" only means something at the start of a line, so inside the message it is inert
    assert line.endswith("::ok ::set-output name=gate::passed ::add-mask::x 100%25")
    raw = commands.command("error", evil)
    assert "\n" not in raw and "\r" not in raw
    assert raw == "::error::ok%0A::set-output name=gate::passed%0D%0A::add-mask::x 100%25"


def test_properties_escape_colon_and_comma() -> None:
    line = commands.finding_annotation(finding(path="a,b/c:d%.py"), "a,b/c:d%.py")
    assert "file=a%2Cb/c%3Ad%25.py," in line
    props = line.split("::")[1].split(" ", 1)[1]
    assert dict(p.split("=", 1) for p in props.split(","))["line"] == "3"


def test_data_escaping_matches_the_toolkit() -> None:
    assert commands.escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert commands.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_columns_only_on_single_line_annotations() -> None:
    one = commands.finding_annotation(finding(end_line=3), "x.py")
    assert "col=5" in one and "endColumn=9" in one
    many = commands.finding_annotation(finding(end_line=6), "x.py")
    assert "endLine=6" in many and "col=" not in many and "endColumn" not in many


def test_annotations_capped_most_severe_first_with_a_count_of_the_rest() -> None:
    pairs = [(finding(f"f{i:02}.py", severity=Severity.HIGH), f"f{i:02}.py") for i in range(12)]
    pairs.append((finding("crit.py", severity=Severity.CRITICAL), "crit.py"))
    result = commands.annotate(pairs, limit=10)
    assert len(result.lines) == 10
    assert result.emitted == 9 and result.left_out == 4
    assert "file=crit.py" in result.lines[0]
    assert result.lines[-1].startswith("::error title=secsdlc%3A more findings::4 more finding")
    assert all(line.startswith("::error ") for line in result.lines)


def test_annotations_under_the_cap_are_all_shown() -> None:
    pairs = [(finding(f"f{i}.py"), f"f{i}.py") for i in range(10)]
    result = commands.annotate(pairs, limit=10)
    assert result.left_out == 0 and len(result.lines) == 10


def test_outputs_are_multiline_safe_and_round_trip() -> None:
    values = {"gate": "failed", "tricky": "line1\nghadelimiter_x\nname=value", "empty": ""}
    text = format_outputs(values)
    for name in values:
        assert re.search(rf"^{name}<<ghadelimiter_[0-9a-f]{{32}}$", text, re.M)
    assert parse_outputs(text) == values


def test_output_names_that_could_inject_are_refused() -> None:
    for bad in ("a\nb", "x<<y", "", "a=b"):
        try:
            format_outputs({bad: "1"})
        except OutputError as e:
            assert "invalid output name" in str(e)
        else:
            raise AssertionError(f"{bad!r} accepted")
