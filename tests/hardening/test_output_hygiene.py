"""Text from scanned code, file names, configuration and git configuration cannot steer the
terminal, the Actions runner, a markdown viewer or a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from secsdlc.ci import summary
from secsdlc.cli import main
from secsdlc.gate.interface import Verdict
from secsdlc.model import (
    Confidence,
    Finding,
    Location,
    Notification,
    NotificationKind,
    RuleId,
    ScannerName,
    ScannerRun,
    ScanResult,
    Severity,
    ToolInfo,
)
from secsdlc.report import markdown, text
from secsdlc.sanitize import csv_cell, terminal

from ..history.helpers import cli as history_cli
from ..history.helpers import our_result, our_sarif, write
from .conftest import git, secsdlc, workflow_commands

ACTION = Path(__file__).resolve().parents[2] / "github-action" / "action.yml"
STOP = "::stop-commands::x"
ESC = "\x1b"
VULNERABLE = "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n"
# bandit's own severities (B602 high), whatever the rule pack down-ranks by default
ALL_CHECKS = ('[project]\nname = "p"\nversion = "0"\n'
              '[tool.secsdlc.scanners.bandit]\nall-checks = true\n')


def _github_env(root: Path, tmp: Path, *, ci: bool = True) -> dict[str, str]:
    """GitHub's variables; `ci=False`: the job reproduced by hand, in advisory mode."""
    return {**({"CI": "true", "GITHUB_ACTIONS": "true"} if ci else {}),
            "GITHUB_EVENT_NAME": "push", "GITHUB_WORKSPACE": str(root),
            "GITHUB_OUTPUT": str(tmp / "output.txt"),
            "GITHUB_STEP_SUMMARY": str(tmp / "summary.md"), "RUNNER_TEMP": str(tmp)}


@pytest.mark.parametrize("ci", [False, True], ids=["by-hand", "github"])
def test_toml_key_cannot_inject_a_workflow_command_in_ci_github(repo: Path, tmp_path: Path,
                                                                 ci: bool) -> None:
    (repo / "app.py").write_text(VULNERABLE)
    (repo / "pyproject.toml").write_text(
        f'[tool.secsdlc]\n"x\\n{STOP}" = 1\n"y\\r::error::forged" = 2\n' + ALL_CHECKS)
    proc = secsdlc("ci", "github", "--output-dir", str(tmp_path / "out"), "--scanners", "bandit",
                   "--", ".", cwd=repo, env=_github_env(repo, tmp_path, ci=ci))
    assert proc.returncode == 1, proc.stderr
    if ci:
        # enforce mode: the unsigned configuration is not read at all
        assert "pyproject.toml is not signed by a correspondent and is ignored" in proc.stderr
    else:
        assert "unknown key 'tool.secsdlc.x\\n::stop-commands::x' ignored" in proc.stderr
    stderr_commands = workflow_commands(proc.stderr)
    assert stderr_commands == [], stderr_commands
    # secsdlc's own annotations still come through on stdout
    commands = workflow_commands(proc.stdout)
    assert commands and all(c.startswith("::error file=app.py") for c in commands), commands


def test_file_name_with_a_newline_cannot_inject_in_plain_scan_output(tmp_path: Path) -> None:
    name = f"x\n{STOP}\n::error::forged\r##[error]v1.py"
    (tmp_path / name).write_text(VULNERABLE)
    # at the start of its report line (the runner trims the indentation)
    (tmp_path / "::warning::forged.py").write_text(VULNERABLE)
    (tmp_path / "pyproject.toml").write_text(ALL_CHECKS)
    proc = secsdlc("scan", "--scanners", "bandit", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert workflow_commands(proc.stdout + proc.stderr) == []
    assert "x\\n::stop-commands::x\\n::error::forged\\r#\\x23[error]v1.py:5" in proc.stdout
    assert "  \\x3a:warning::forged.py:5" in proc.stdout


def test_ansi_escape_in_a_file_name_is_shown_not_obeyed(tmp_path: Path) -> None:
    (tmp_path / f"evil{ESC}[2K{ESC}[1Gtests.py").write_text(VULNERABLE)
    (tmp_path / "pyproject.toml").write_text(ALL_CHECKS)
    proc = secsdlc("scan", "--scanners", "bandit", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert ESC not in proc.stdout
    assert "evil\\x1b[2K\\x1b[1Gtests.py:5" in proc.stdout


def _finding(message: str, path: str = "app.py", rule: str = "B602") -> Finding:
    return Finding(rule_id=RuleId(rule), message=message, severity=Severity.HIGH,
                   confidence=Confidence.HIGH,
                   location=Location(path=path, start_line=3), scanners=(ScannerName("bandit"),))


def _result(*findings: Finding, note: str = "") -> ScanResult:
    notes = (Notification(kind=NotificationKind.SCANNER_FAILURE, message=note),) if note else ()
    run = ScannerRun(tool=ToolInfo(name=ScannerName("bandit"), version="1", information_uri=""),
                     rules={}, findings=tuple(findings), succeeded=True)
    return ScanResult(root="/r", runs=(run,), notifications=notes)


def test_escapes_in_scanner_messages_are_shown_in_the_text_report() -> None:
    out = io.StringIO()
    result = _result(_finding(f"bad {ESC}]8;;https://e.example{ESC}\\link\u202eexe.py"),
                     note=f"tool said {ESC}[31mred\x07")
    verdict = Verdict(passed=False, gate="policy", reasons=(f"{ESC}[2Kreason",))
    text.render(result, verdict, out, color=False)
    rendered = out.getvalue()
    assert ESC not in rendered and "\x07" not in rendered and "\u202e" not in rendered
    assert "bad \\x1b]8;;https://e.example\\x1b\\link\\u202eexe.py" in rendered
    assert "tool said \\x1b[31mred\\x07" in rendered
    assert "\\x1b[2Kreason" in rendered


def test_git_config_escape_cannot_disguise_a_waiver_in_list_or_audit(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forged = f"dev@example.com){ESC}[2K\r{ESC}[1G"
    git(repo, "config", "user.email", forged + " B101 tests/test_util.py")
    from secsdlc.model import Severity

    from ..signoff.world import request_args

    code = main(["waiver", "--root", str(repo), "request",
                 *request_args(repo, rule="B501", path="app/net.py", severity=Severity.LOW),
                 "--reason", "internal", "--expires", "2026-12-24"])
    out = capsys.readouterr()
    assert code == 0, out
    assert main(["waiver", "--root", str(repo), "list"]) == 0
    listed = capsys.readouterr().out
    assert ESC not in listed and "\r" not in listed
    assert "pending   B501 app/net.py" in listed
    assert "requested by dev@example.com)\\x1b[2K\\r\\x1b[1G B101" in listed
    assert main(["audit", "--root", str(repo), "show"]) == 0
    shown = capsys.readouterr().out
    assert ESC not in shown and "\r" not in shown
    assert "dev@example.com)\\x1b[2K\\r\\x1b[1G B101 tests/test_util.py waiver-request" in shown


def _html_of(markdown_text: str) -> str:
    return MarkdownIt("gfm-like", {"html": True}).render(markdown_text)


HOSTILE = ("see [click](https://evil.example/x) ![img](https://evil.example/p.png) "
           "<img src=x onerror=alert(1)> <!-- c --> <!-- hide the rest https://evil.example "
           "www.evil.example")


def test_the_markdown_oracle_renders_links_images_html_and_autolinks() -> None:
    html = _html_of(HOSTILE)
    assert html.count("<a ") == 2 and html.count("<img") == 2 and "<!-- c -->" in html


def test_markdown_report_escapes_links_images_html_and_comments() -> None:
    result = _result(_finding(HOSTILE, path="a<!--b.py"), note=HOSTILE)
    rendered = markdown.render(result, Verdict(passed=False, gate="policy", reasons=(HOSTILE,)))
    html = _html_of(rendered)
    assert "<a " not in html and "<img" not in html and "<!--" not in html
    assert "evil.example" in html  # shown as text
    # severity, OWASP and findings tables, a header and one row each: nothing hidden
    assert html.count("<tr>") == 6 and "Scanner problems" in html


def test_job_summary_escapes_links_images_html_and_comments() -> None:
    finding = _finding(HOSTILE, path="a(b).py")
    rendered = summary.render(summary.SummaryInput(
        result=_result(finding, note=HOSTILE),
        verdict=Verdict(passed=False, gate="policy", reasons=(HOSTILE,)), scope="push",
        new=(finding,), blocking_fingerprints=frozenset(), expiring=(),
        link=lambda f: "https://github.example/o/r/blob/abc/a(b).py#L3",
        repo_path=lambda f: f.location.path))
    html = _html_of(rendered)
    assert "<img" not in html and "<!--" not in html
    links = [line for line in html.splitlines() if "<a " in line]
    # the one link secsdlc makes itself, to the line, whole
    assert len(links) == 1
    assert 'href="https://github.example/o/r/blob/abc/a%28b%29.py#L3"' in links[0]


def test_trends_csv_neutralises_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = f"sqlite:///{tmp_path / 'h.db'}"
    hostile = '=HYPERLINK("https://evil.example","x")'
    sarif = write(tmp_path / "s.sarif", our_sarif([our_result("a")]))
    for name in (hostile, "+1", "-2", "@SUM(A1)", "plain"):
        assert history_cli(["history", "record", str(sarif), "--project", name, "--db", db,
                            "--commit", "c", "--branch", "b"]) == 0
    capsys.readouterr()
    assert history_cli(["trends", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    projects = {r["project"] for r in rows if r["section"] == "project"}
    assert projects == {"'" + hostile, "'+1", "'-2", "'@SUM(A1)", "plain"}
    assert all(not str(v).startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert csv_cell(-3) == -3  # a number is a number, not a formula


def test_redaction_covers_the_decoded_value(tmp_path: Path) -> None:
    secret_decoded = "S3cr3t!Pr0d!Value"
    (tmp_path / "settings.py").write_text('DB_PASSWORD = "S3cr3t\\x21Pr0d\\x21Value"\n')
    sarif = tmp_path / "out.sarif"
    proc = secsdlc("scan", "--scanners", "bandit,secrets", "--no-cache", "--format", "json",
                   "--sarif", str(sarif), ".", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    doc = json.loads(sarif.read_text())
    assert any(r["ruleId"] == "B105" for r in doc["runs"][0]["results"]), "bandit saw it"
    for output in (sarif.read_text(), proc.stdout):
        assert secret_decoded not in output
        assert "S3cr3t\\\\x21Pr0d" not in output and "S3cr3t\\x21Pr0d" not in output


def test_action_sets_the_trust_root_only_when_its_input_is_given(tmp_path: Path) -> None:
    steps = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"]
    scan = next(s for s in steps if s.get("id") == "scan")
    assert "SECSDLC_TRUST_ROOT" not in scan["env"]
    probe = tmp_path / "secsdlc"
    probe.write_text('#!/bin/sh\nprintf "%s" "${SECSDLC_TRUST_ROOT-unset}" > "$PROBE"\n')
    probe.chmod(0o755)
    base = {"PATH": os.environ["PATH"], "SECSDLC": str(probe), "PROBE": str(tmp_path / "seen"),
            "RUNNER_TEMP": str(tmp_path), **{k: "" for k in scan["env"] if k.startswith("IN_")}}
    for job_level, given, expected in (("SHA256:job", "", "SHA256:job"),
                                       ("SHA256:job", "SHA256:input", "SHA256:input"),
                                       (None, "", "unset")):
        env = {**base, "IN_TRUST_ROOT": given}
        if job_level is not None:
            env["SECSDLC_TRUST_ROOT"] = job_level
        subprocess.run(["bash", "-c", scan["run"]], cwd=tmp_path, env=env, check=True,
                       timeout=60)
        assert (tmp_path / "seen").read_text() == expected


def test_terminal_shows_every_control_and_format_character() -> None:
    assert terminal("a\x1b[31mb\x9bc\u202ed\u2028e\U000e0041f\tg") == (
        "a\\x1b[31mb\\x9bc\\u202ed\\u2028e\\U000e0041f\tg")
