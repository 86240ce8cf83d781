from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from secsdlc.history.interface import Disposition
from secsdlc.history.sarif_import import WITHHELD, load_file, parse_bytes
from secsdlc.model import Severity
from secsdlc.sarif.reader import SarifError
from tests.resources import installed_tool

from .helpers import our_result, our_sarif, write


def parse(doc: dict[str, Any] | str, source: str = "scan.sarif") -> Any:
    raw = doc if isinstance(doc, str) else json.dumps(doc)
    return parse_bytes(raw.encode(), source=source)


def test_our_sarif_keeps_fingerprint_severity_categories_and_time() -> None:
    scan = parse(our_sarif([our_result("ab12", severity="critical", cwe=(89,))]))
    (f,) = scan.findings
    assert f.fingerprint == "ab12"
    assert f.severity is Severity.CRITICAL
    assert f.cwe == (89,)
    assert f.owasp_2025 == ("A05:2025",) and f.owasp_2021 == ("A03:2021",)
    assert (f.path, f.start_line) == ("app/db.py", 10)
    assert scan.started_at == datetime(2026, 1, 1, 10, 0, 0)
    assert scan.tools == ("semgrep",)
    assert f.disposition is Disposition.OPEN


def test_suppressions_in_source_and_external_waiver_with_expiry() -> None:
    waiver = {
        "kind": "external",
        "justification": "compensating control",
        "properties": {"approver": "alice@example.com", "expires": "2026-03-01"},
    }
    scan = parse(
        our_sarif(
            [
                our_result("w1", suppressions=[waiver]),
                our_result("s1", suppressions=[{"kind": "inSource", "justification": "test"}]),
                our_result("r1", suppressions=[{"kind": "external", "status": "rejected"}]),
            ]
        )
    )
    by_fp = {f.fingerprint: f for f in scan.findings}
    assert by_fp["w1"].disposition is Disposition.WAIVED
    assert by_fp["w1"].waiver_approver == "alice@example.com"
    assert by_fp["w1"].waiver_expires == datetime(2026, 3, 1)
    assert by_fp["s1"].disposition is Disposition.SUPPRESSED
    assert by_fp["r1"].disposition is Disposition.OPEN  # a rejected suppression does not count


def test_absent_baseline_results_are_not_present_findings() -> None:
    scan = parse(our_sarif([our_result("a"), our_result("gone", baseline="absent")]))
    assert [f.fingerprint for f in scan.findings] == ["a"]
    assert scan.skipped_absent == 1


def test_gate_from_invocation_properties_and_failed_runs() -> None:
    doc = our_sarif([our_result("a")], successful=False)
    doc["runs"][0]["invocations"][0]["properties"] = {"secsdlc/gate": "pass"}
    scan = parse(doc)
    assert scan.gate_passed is True
    assert scan.runs_failed is True


# A bandit SARIF as bandit's sarif formatter writes it (the formatter needs an extra not installed
# here), trimmed to what matters: no fingerprints, CWE in the rule's helpUri-only world.
BANDIT = {
    "version": "2.1.0",
    "runs": [
        {
            "tool": {
                "driver": {
                    "name": "Bandit",
                    "rules": [
                        {
                            "id": "B602",
                            "name": "subprocess_popen_with_shell_equals_true",
                            "helpUri": "https://bandit.readthedocs.io/en/latest/plugins/b602.html",
                            "properties": {"tags": ["security", "external/cwe/cwe-78"]},
                        },
                        {
                            "id": "B105",
                            "name": "hardcoded_password_string",
                            "properties": {"tags": ["security", "external/cwe/cwe-259"]},
                        },
                    ],
                }
            },
            "invocations": [
                {"executionSuccessful": True, "endTimeUtc": "2026-02-03T04:05:06.123456+00:00"}
            ],
            "results": [
                {
                    "ruleId": "B602",
                    "ruleIndex": 0,
                    "level": "error",
                    "message": {"text": "subprocess call with shell=True identified"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": "app.py"},
                                "region": {
                                    "startLine": 3,
                                    "snippet": {"text": "subprocess.call(cmd, shell=True)\n"},
                                },
                            }
                        }
                    ],
                    "properties": {"issue_severity": "HIGH", "issue_confidence": "HIGH"},
                },
                {
                    "ruleId": "B105",
                    "ruleIndex": 1,
                    "level": "note",
                    "message": {"text": "Possible hardcoded password: 'hunter2-very-secret'"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": "app.py"},
                                "region": {
                                    "startLine": 2,
                                    "snippet": {"text": 'password = "hunter2-very-secret"\n'},
                                },
                            }
                        }
                    ],
                },
            ],
        }
    ],
}


def test_bandit_sarif_derives_fingerprint_severity_from_level_and_cwe_from_tags() -> None:
    scan = parse(BANDIT)
    shell, password = sorted(scan.findings, key=lambda f: f.rule_id, reverse=True)
    assert shell.rule_id == "B602"
    assert shell.severity is Severity.HIGH  # level error
    assert shell.cwe == (78,)
    assert shell.owasp_2025 == ("A05:2025",)
    assert len(shell.fingerprint) == 32
    assert shell.help_uri.startswith("https://bandit.readthedocs.io")
    assert password.severity is Severity.LOW  # level note
    assert password.cwe == (259,)


def test_secret_findings_never_keep_the_secret() -> None:
    scan = parse(BANDIT)
    password = next(f for f in scan.findings if f.rule_id == "B105")
    assert password.snippet == WITHHELD
    assert "hunter2" not in password.message
    assert "hunter2" not in repr(scan)


def test_derived_fingerprint_survives_moving_and_reindenting_code() -> None:
    moved = json.loads(json.dumps(BANDIT))
    region = moved["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    region["startLine"] = 40
    region["snippet"]["text"] = "        subprocess.call(cmd,   shell=True)\n"
    before = parse(BANDIT).findings[0]
    after = parse(moved).findings[0]
    assert before.fingerprint == after.fingerprint
    assert after.start_line == 40
    changed = json.loads(json.dumps(moved))
    changed["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"][
        "text"
    ] = "subprocess.call(other, shell=True)"
    assert parse(changed).findings[0].fingerprint != before.fingerprint


CODEQL = {
    "version": "2.1.0",
    "runs": [
        {
            "tool": {
                "driver": {"name": "CodeQL", "semanticVersion": "2.17.0"},
                "extensions": [
                    {
                        "name": "codeql/python-queries",
                        "rules": [
                            {
                                "id": "py/sql-injection",
                                "properties": {
                                    "security-severity": "8.8",
                                    "tags": ["security", "external/cwe/cwe-089"],
                                },
                            },
                            {
                                "id": "py/weak-crypto",
                                "properties": {
                                    "security-severity": "9.1",
                                    "tags": ["external/cwe/cwe-327"],
                                },
                            },
                        ],
                    }
                ],
            },
            "versionControlProvenance": [
                {"repositoryUri": "https://example.com/r", "revisionId": "c0ffee", "branch": "main"}
            ],
            "results": [
                {
                    "ruleId": "py/sql-injection",
                    "rule": {"id": "py/sql-injection", "index": 0, "toolComponent": {"index": 0}},
                    "message": {"text": "This SQL query depends on a [user-provided value](1)."},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {
                                    "uri": "src/db.py",
                                    "uriBaseId": "%SRCROOT%",
                                    "index": 0,
                                },
                                "region": {"startLine": 12, "startColumn": 5, "endColumn": 30},
                            }
                        }
                    ],
                    "partialFingerprints": {"primaryLocationLineHash": "a1b2c3d4:1"},
                },
                {
                    "rule": {"id": "py/weak-crypto", "index": 1, "toolComponent": {"index": 0}},
                    "message": {"text": "weak"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"index": 0},
                                "region": {"startLine": 3},
                            }
                        }
                    ],
                },
            ],
            "artifacts": [{"location": {"uri": "src/db.py", "uriBaseId": "%SRCROOT%"}}],
        }
    ],
}


def test_codeql_rules_in_extensions_partial_fingerprints_and_provenance() -> None:
    scan = parse(CODEQL)
    sqli, crypto = scan.findings
    assert sqli.severity is Severity.HIGH  # security-severity 8.8 on the extension's rule
    assert sqli.cwe == (89,)
    assert crypto.rule_id == "py/weak-crypto"
    assert crypto.severity is Severity.CRITICAL  # 9.1
    assert crypto.path == "src/db.py"  # from run.artifacts by index
    assert (scan.commit, scan.branch) == ("c0ffee", "main")
    moved = json.loads(json.dumps(CODEQL))
    moved["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 99
    # CodeQL's own partial fingerprint decides identity, not the line.
    assert parse(moved).findings[0].fingerprint == sqli.fingerprint


TRIVY = {
    "version": "2.1.0",
    "runs": [
        {
            "tool": {
                "driver": {
                    "name": "Trivy",
                    "rules": [
                        {
                            "id": "CVE-2023-30861",
                            "defaultConfiguration": {"level": "error"},
                            "properties": {
                                "security-severity": "7.5",
                                "tags": ["vulnerability", "security", "HIGH"],
                            },
                        }
                    ],
                }
            },
            "results": [
                {
                    "ruleId": "CVE-2023-30861",
                    "ruleIndex": 0,
                    "message": {"text": "Package: flask\nInstalled Version: 2.2.0"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {
                                    "uri": "requirements.txt",
                                    "uriBaseId": "ROOTPATH",
                                },
                                "region": {"startLine": 1, "startColumn": 1},
                            }
                        }
                    ],
                }
            ],
        }
    ],
}


def test_trivy_severity_from_rule_security_severity() -> None:
    (f,) = parse(TRIVY).findings
    assert f.severity is Severity.HIGH
    assert f.path == "requirements.txt"
    assert f.owasp_2025 == ()  # no CWE, no category: never a guessed one


@pytest.mark.parametrize(
    ("mutate", "where", "problem"),
    [
        (lambda d: d.update(version="2.0.0"), "$.version", "must be \"2.1.0\""),
        (lambda d: d.pop("runs"), "$.runs", "missing"),
        (lambda d: d.update(runs={}), "$.runs", "must be an array"),
        (lambda d: d["runs"][0].pop("tool"), "$.runs[0].tool", "must be an object, got null"),
        (lambda d: d["runs"][0]["tool"]["driver"].pop("name"), "$.runs[0].tool.driver.name", ""),
        (lambda d: d["runs"][0]["results"][0].pop("message"), "$.runs[0].results[0].message", ""),
        (
            lambda d: d["runs"][0]["results"][0].update(level="fatal"),
            "$.runs[0].results[0].level",
            "must be none, note, warning or error",
        ),
        (
            lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
                "region"
            ].update(startLine=0),
            "$.runs[0].results[0].locations[0].physicalLocation.region.startLine",
            "positive integer",
        ),
        (
            lambda d: d["runs"][0]["results"][0].update(suppressions=[{"kind": "maybe"}]),
            "$.runs[0].results[0].suppressions[0].kind",
            "inSource or external",
        ),
        (
            lambda d: d["runs"][0]["invocations"][0].update(startTimeUtc="yesterday"),
            "$.runs[0].invocations[0].startTimeUtc",
            "ISO 8601",
        ),
        (
            lambda d: d["runs"][0]["results"][0].pop("ruleId"),
            "$.runs[0].results[0]",
            "no ruleId",
        ),
        (
            lambda d: d["runs"][0]["results"][0]["properties"].update(
                {"security-severity": "high"}
            )
            or d["runs"][0]["results"][0]["properties"].pop("severity"),
            "$.runs[0].results[0].properties.security-severity",
            "must be a number",
        ),
    ],
)
def test_malformed_sarif_names_the_file_the_path_and_the_problem(
    mutate: Any, where: str, problem: str
) -> None:
    doc = our_sarif([our_result("a")])
    mutate(doc)
    with pytest.raises(SarifError) as info:
        parse(doc, source="bad.sarif")
    assert info.value.source == "bad.sarif"
    assert info.value.where == where
    assert problem in info.value.problem
    assert str(info.value).startswith(f"bad.sarif: {where}: ")


def test_invalid_json_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SarifError,
                       match=r"bad\.sarif: not valid JSON \(line 1, column 2\)"):
        parse("{oops", source="bad.sarif")
    with pytest.raises(SarifError, match="file not found"):
        load_file(tmp_path / "nope.sarif")


def test_real_semgrep_sarif_ignores_its_requires_login_placeholder(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "import subprocess\nsubprocess.call('ls ' + x, shell=True)\n"
        "subprocess.call('rm ' + y, shell=True)\n"
    )
    write(
        tmp_path / "rule.yml",
        "rules:\n"
        "  - id: shell-true\n"
        "    languages: [python]\n"
        "    severity: ERROR\n"
        "    message: shell=True\n"
        "    metadata: {cwe: ['CWE-78: OS Command Injection'], owasp: ['A03:2021 - Injection']}\n"
        "    pattern: subprocess.call(..., shell=True)\n",
    )
    out = tmp_path / "semgrep.sarif"
    env = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0")
    proc = subprocess.run(
        [
            installed_tool("semgrep"), "--metrics=off", "--quiet", "--config", "rule.yml",
            "--sarif", "-o", str(out), "app.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "requires login" in out.read_text()  # the placeholder we must not trust
    scan = load_file(out)
    assert len(scan.findings) == 2  # two places, two fingerprints (not one "requires login")
    assert {f.start_line for f in scan.findings} == {2, 3}
    assert all(f.severity is Severity.HIGH and f.cwe == (78,) for f in scan.findings)
    assert all(f.owasp_2021 == ("A03:2021",) for f in scan.findings)


def test_real_bandit_sarif(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        'import subprocess\npassword = "hunter2-very-secret"\n'
        "subprocess.call('ls ' + input(), shell=True)\n"
    )
    out = tmp_path / "bandit.sarif"
    proc = subprocess.run(
        [installed_tool("bandit"), "-q", "-f", "sarif", "-o", str(out), "app.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1 and out.is_file(), proc.stderr  # 1: issues found
    scan = load_file(out)
    assert scan.tools == ("Bandit",)
    assert scan.started_at is not None  # from bandit's endTimeUtc
    by_rule = {f.rule_id: f for f in scan.findings}
    assert set(by_rule) == {"B404", "B105", "B602"}
    assert by_rule["B602"].severity is Severity.HIGH and by_rule["B602"].cwe == (78,)
    assert by_rule["B602"].owasp_2025 == ("A05:2025",)
    assert by_rule["B105"].cwe == (259,)
    assert "hunter2" not in repr(scan)  # neither snippet nor message keeps the password
    assert by_rule["B602"].help_uri.startswith("https://bandit.readthedocs.io/")
