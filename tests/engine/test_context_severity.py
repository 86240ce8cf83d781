"""Findings on clean code: context decides severity, and a rule's measured precision is reported."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from secsdlc.scanners.interface import ScanRequest
from secsdlc.scanners.secrets import SecretsScanner, is_placeholder
from tests.engine.conftest import PLANTED_PASSWORD, run_cli


def _secrets(root: Path, *files: str) -> list[tuple[int, str, str]]:
    out = SecretsScanner().scan(ScanRequest(root=root, files=files, options={}, timeout=60))
    return sorted((f.location.start_line, f.rule_id, f.severity.value) for f in out.findings)


def test_comparisons_docstrings_and_addresses_are_not_credentials(tmp_path: Path) -> None:
    (tmp_path / "lexer.py").write_text(
        '"""Connect with:\n\n    create_engine("mssql+pyodbc://scott:tiger^5HHH@db/test")\n"""\n'
        'TOKEN_URL = "https://database.windows.net/"\n'
        'if token == "#bygroup":\n    pass\n'
        'if csrf_token != "NOTPROVIDED":\n    pass\n'
        '# password = "kR9mP2vL5nQ8xZ"\n'
        'ADMIN_TOKEN = "latest-9f8e7d6c5b4a"\n'
        'DB = "postgres://admin:kR9mP2vL5nQ8@db.internal/app"\n'
        'def validate(password1_field_name="password1", secret_field="kR9mP2vL5nQ8xZ"):\n'
        '    pass\n'
        'SECRET_KEY_INSECURE_PREFIX = "django-insecure-"\n', encoding="utf-8")
    assert _secrets(tmp_path, "lexer.py") == [
        (3, "secsdlc.secrets.url-credentials", "low"),  # an example in a docstring
        (10, "secsdlc.secrets.hardcoded-credential", "low"),  # a comment
        (11, "secsdlc.secrets.hardcoded-credential", "high"),
        (12, "secsdlc.secrets.url-credentials", "high"),
    ]


def test_placeholders_are_judged_on_the_whole_value() -> None:
    for value in ("your-api-key-here", "changeme", "example_password_123", "<your-token>",
                  "${SECRET}", "tiger", "_sa_default"):
        assert is_placeholder(value), value
    # a placeholder word inside a value with real key material does not hide it
    for value in ("latest-9f8e7d6c5b4a", "test-Qm8vX2rT9kLp4", "Tr0ub4dor&3x"):
        assert not is_placeholder(value), value


def _bandit(root: Path) -> list[dict[str, Any]]:
    proc = run_cli("scan", str(root), "--scanners", "bandit", "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr
    return [f for f in json.loads(proc.stdout)["findings"] if f["rule"] == "B613"]


def test_bidi_text_in_locale_strings_is_not_trojan_source(project: Any) -> None:
    rlm = "\u200f"
    root = project({
        "app/conf/locale/ar/formats.py": f'SHORT_DATE_FORMAT = "d{rlm}/m{rlm}/Y"\n',
        "app/conf/formats.py": f'SHORT_DATE_FORMAT = "d{rlm}/m{rlm}/Y"\n',
        "app/locale/fa/code.py": f"access = 'user' # {rlm}\u202e check admin\n",
    })
    found = {f["path"]: f for f in _bandit(root)}
    lowered = found["app/conf/locale/ar/formats.py"]
    assert lowered["severity"] == "low"
    assert "locale data" in lowered["properties"]["downranked"]
    # outside locale data, or in a comment of a locale file, it stays bandit's high
    assert found["app/conf/formats.py"]["severity"] == "high"
    assert found["app/locale/fa/code.py"]["severity"] == "high"


_LOW_PRECISION_RULE = """\
rules:
- id: secsdlc.python.test.noisy
  languages: [python]
  severity: ERROR
  message: a rule that is mostly wrong, for the test of the precision cap
  metadata:
    cwe: ['CWE-710: Improper Adherence to Coding Standards']
    precision: low
  pattern: noisy_call(...)
"""


def test_low_precision_rules_block_only_when_the_policy_says_so(project: Any,
                                                                tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(_LOW_PRECISION_RULE, encoding="utf-8")
    config = (f'[scanners.semgrep]\nbundled-pack = false\nrules = ["{rules.as_posix()}"]\n')
    root = project({"app.py": "noisy_call(1)\n", ".secsdlc.toml": config})
    sarif = tmp_path / "out.sarif"
    proc = run_cli("scan", str(root), "--scanners", "semgrep", "--format", "json",
                   "--sarif", str(sarif), "--no-cache")
    assert proc.returncode == 0, proc.stderr  # medium does not block at the default fail-on
    (finding,) = json.loads(proc.stdout)["findings"]
    assert finding["severity"] == "medium"
    assert "precision is low" in finding["properties"]["capped"]
    (rule,) = json.loads(sarif.read_text())["runs"][0]["tool"]["driver"]["rules"]
    assert rule["properties"]["precision"] == "low"

    (root / ".secsdlc.toml").write_text(
        config + 'full-severity = ["secsdlc.python.test.noisy"]\n', encoding="utf-8")
    proc = run_cli("scan", str(root), "--scanners", "semgrep", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["severity"] == "high"


def test_bandit_and_secrets_rules_report_their_measured_precision(project: Any,
                                                                  tmp_path: Path) -> None:
    from secsdlc.precision import TABLE

    table = json.loads(TABLE.read_text(encoding="utf-8"))
    root = project({"app.py": 'import subprocess\n\n\ndef run(cmd):\n'
                              '    subprocess.call(cmd, shell=True)\n\n\n'
                              # a name bandit's B105 does not know: the secrets scanner's alone
                              f'CLIENT_CREDENTIAL = "{PLANTED_PASSWORD}"\n'})
    sarif = tmp_path / "out.sarif"
    proc = run_cli("scan", str(root), "--scanners", "bandit,secrets", "--format", "json",
                   "--sarif", str(sarif), "--no-cache")
    assert proc.returncode == 1, proc.stderr
    rules = {r["id"]: r["properties"]["precision"]
             for run in json.loads(sarif.read_text())["runs"]
             for r in run["tool"]["driver"].get("rules", [])}
    assert rules["B602"] == table["bandit"]["B602"]["precision"] == "very-high"
    credential = "secsdlc.secrets.hardcoded-credential"
    assert rules[credential] == table["secrets"][credential]["precision"] == "very-high"


def test_the_precision_cap() -> None:
    from secsdlc.model import Confidence, Finding, Location, RuleId, ScannerName, Severity
    from secsdlc.precision import cap

    finding = Finding(rule_id=RuleId("B999"), scanners=(ScannerName("bandit"),), message="m",
                      severity=Severity.HIGH, confidence=Confidence.HIGH,
                      location=Location(path="a.py", start_line=1))
    capped = cap(finding, "low", full_severity=frozenset(), option="scanners.bandit.full-severity")
    assert capped.severity is Severity.MEDIUM
    assert "scanners.bandit.full-severity keeps it" in capped.properties["capped"]
    assert cap(finding, "low", full_severity=frozenset({"B999"}), option="x") == finding
    assert cap(finding, "medium", full_severity=frozenset(), option="x") == finding
    low = replace(finding, severity=Severity.LOW)
    assert cap(low, "low", full_severity=frozenset(), option="x") == low


def test_the_measured_precision_table_is_well_formed() -> None:
    import re

    from secsdlc.precision import PRECISIONS, TABLE

    table = json.loads(TABLE.read_text(encoding="utf-8"))
    assert set(table) == {"bandit", "secrets"}
    assert table["bandit"] and all(re.fullmatch(r"B\d{3}", k) for k in table["bandit"])
    assert all(k.startswith("secsdlc.secrets.") for k in table["secrets"])
    for entries in table.values():
        for entry in entries.values():
            assert entry["precision"] in PRECISIONS
            assert re.fullmatch(r"\d\.\d\d \(\d+/\d+\)", entry["measured"])
