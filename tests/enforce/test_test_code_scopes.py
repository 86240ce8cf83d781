"""How findings in test code count is the policy's: the built-in scopes in both modes, a
repository's own scope in advisory mode, and in enforce mode only once a correspondent signed it.
Real bandit, semgrep and secrets scanner on a temporary git repository."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.enforce.conftest import Key, Outcome, commit_all, run_cli, scan_repo, sign_policy

# Built so that no scanner sees a credential in this file itself.
KEY_BLOCK = ("-----BEGIN " + "RSA PRIVATE KEY-----\n"
             + "MIIEowIBAAKCAQEA7Vq3kT9yXwZp2LmN8cQe4RbUa6sHjFd0GiKoPlWxYz1TuVnB\n"
             + "-----END " + "RSA PRIVATE KEY-----")
PASSWORD = "Vr7" + "kq2Lm9xWp4Tz"
TEST_FILE = f'''import requests

PASSWORD = "{PASSWORD}"
DEPLOY_KEY = """{KEY_BLOCK}"""


def test_profile(client, request):
    assert request.user.is_authenticated
    assert client.get("/profile").status_code == 200
    requests.get("https://localhost:8443/health", verify=False)
'''
PYPROJECT = '[project]\nname = "app"\n\n[tool.secsdlc]\n'
# a repository widening the tests scope to its whole content: nothing there blocks any more
WIDEN = PYPROJECT + '[tool.secsdlc.policy.scopes.tests]\nrules = {"secsdlc.secrets.*" = "low"}\n'


def _in_tests(out: Outcome) -> list[dict[str, Any]]:
    return [f for f in out.doc["findings"] if f["path"] == "tests/test_profile.py"]


def _ids(finding: dict[str, Any]) -> set[str]:
    return {finding["rule"], *finding["relatedRules"]}


def _commit(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    commit_all(root, "files")


def test_built_in_scope_for_tests(signed_repo: tuple[Path, Key], mode: str) -> None:
    root, alice = signed_repo
    (root / "app.py").write_text("def ok():\n    return 1\n")
    _commit(root, {"tests/test_profile.py": TEST_FILE})
    out = scan_repo(mode, root, alice)
    found = _in_tests(out)
    # assert is how tests check: neither bandit's B101 nor the pack's assert-authorization
    assert not any({"B101", "secsdlc.python.access-control.assert-authorization"} & _ids(f)
                   for f in found), found
    assert any("not reported under the policy scope 'tests'" in n["message"]
               for n in out.notes), out.notes
    # a password in a fixture is not a leak: reported, at low, saying why
    password = [f for f in found
                if f["startLine"] == 3 and "secsdlc.secrets.hardcoded-credential" in _ids(f)]
    assert password and password[0]["severity"] == "low", found
    assert "the policy scope 'tests'" in password[0]["properties"]["scoped"]
    # TLS verification off against a test server does not block either
    tls = [f for f in found if "B501" in _ids(f)]
    assert tls and tls[0]["severity"] == "low", found
    # a private key is leaked wherever it is committed
    key = [f for f in found if f["rule"] == "secsdlc.secrets.private-key"]
    assert key and key[0]["severity"] == "critical", found
    assert out.rc == 1
    assert [b["fingerprint"] for b in out.doc["verdict"]["blocking"]] == [key[0]["fingerprint"]]


def test_the_same_code_outside_tests_blocks(signed_repo: tuple[Path, Key]) -> None:
    root, alice = signed_repo
    _commit(root, {"app/profile_check.py": TEST_FILE})
    out = scan_repo("advisory", root, alice)
    found = [f for f in out.doc["findings"] if f["path"] == "app/profile_check.py"]
    assert any("B101" in _ids(f) for f in found), found
    assert any(f["severity"] == "high" and "B501" in _ids(f) for f in found), found
    assert any(f["severity"] == "high" and "secsdlc.secrets.hardcoded-credential" in _ids(f)
               for f in found), found


def test_unsigned_widening_counts_only_in_advisory_mode(signed_repo: tuple[Path, Key],
                                                        mode: str) -> None:
    root, alice = signed_repo
    (root / "app.py").write_text("def ok():\n    return 1\n")
    _commit(root, {"tests/test_profile.py": TEST_FILE, "pyproject.toml": WIDEN})
    out = scan_repo(mode, root, alice)
    key = [f for f in _in_tests(out) if f["rule"] == "secsdlc.secrets.private-key"]
    if mode == "enforce":
        assert out.rc == 1 and key[0]["severity"] == "critical", key
        assert "pyproject.toml" in out.stderr and "secsdlc policy sign" in out.stderr
    else:
        assert out.rc == 0 and key[0]["severity"] == "low", (key, out.stderr)


def test_signed_widening_counts_in_both_modes(signed_repo: tuple[Path, Key], mode: str) -> None:
    root, alice = signed_repo
    (root / "app.py").write_text("def ok():\n    return 1\n")
    _commit(root, {"tests/test_profile.py": TEST_FILE, "pyproject.toml": WIDEN})
    sign_policy(root, alice)
    out = scan_repo(mode, root, alice)
    key = [f for f in _in_tests(out) if f["rule"] == "secsdlc.secrets.private-key"]
    assert out.rc == 0 and key[0]["severity"] == "low", (key, out.stderr)


def test_a_scope_with_a_bad_action_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("x = 1\n")
    (tmp_path / ".secsdlc.toml").write_text(
        '[policy.scopes.tests]\nrules = {"B101" = "hide"}\n')
    proc = run_cli("scan", str(tmp_path), "--scanners", "secrets", "--no-cache")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert ".secsdlc.toml" in proc.stderr and "policy.scopes.tests.rules" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_documented_scopes_load(tmp_path: Path) -> None:
    import re

    from secsdlc.config import read_table
    from secsdlc.gate import policy, scopes
    from tests.resources import REPO

    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```toml\n(.*?)```", text, re.S) if "scopes" in b)
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    loaded = policy.parse(read_table(tmp_path / "pyproject.toml")["policy"],
                          source="pyproject.toml")
    assert not loaded.warnings
    by_name = {s.name: s for s in loaded.scopes}
    assert by_name["tests"].paths == ("**/tests/**", "**/test_*.py", "qa/**")
    assert by_name["tests"].rules["B101"] == "ignore"  # the built-in entries stay
    assert by_name["fixtures"].covers("testdata/a/b.py")
    assert set(by_name) == {s.name for s in scopes.DEFAULT_SCOPES} | {"fixtures"}


def test_which_entry_decides() -> None:
    from secsdlc.gate.scopes import Scope, apply
    from secsdlc.model import (
        Confidence,
        Finding,
        Location,
        RuleId,
        ScannerName,
        ScannerRun,
        ScanResult,
        Severity,
        ToolInfo,
    )

    def finding(rule: str, *related: str, path: str = "tests/test_a.py") -> Finding:
        return Finding(rule_id=RuleId(rule), related_rule_ids=tuple(RuleId(r) for r in related),
                       scanners=(ScannerName("x"),), message="m", severity=Severity.HIGH,
                       confidence=Confidence.HIGH, location=Location(path=path, start_line=1),
                       cwe=(89,), owasp_2025=("A05:2025",))

    tests = Scope(name="tests", paths=("**/tests/**", "**/test_*.py"),
                  rules={"*": "low", "secsdlc.taint.*": "medium", "CWE-89": "info",
                         "secsdlc.taint.sql-injection": "keep", "B608": "ignore"})
    fixtures = Scope(name="fixtures", paths=("tests/**",), rules={"B608": "medium"})
    # the exact id wins over every pattern; else the longest pattern that matches
    assert tests.treatment(finding("secsdlc.taint.sql-injection")) == (
        "keep", "secsdlc.taint.sql-injection")
    assert tests.treatment(finding("secsdlc.taint.xss")) == ("medium", "secsdlc.taint.*")
    assert tests.treatment(finding("B999")) == ("info", "CWE-89")
    # two tools on one line: the rule that keeps the most decides
    assert tests.treatment(finding("B608", "secsdlc.taint.xss")) == ("medium",
                                                                     "secsdlc.taint.*")
    result = ScanResult(root="/r", runs=(ScannerRun(
        tool=ToolInfo(name=ScannerName("x"), version="1", information_uri=""), rules={},
        findings=(finding("B608"), finding("B608", path="pkg/tests/test_b.py"),
                  finding("B608", path="src/app.py")), succeeded=True),))
    scoped = apply(result, (tests, fixtures))
    # in two scopes, the one that keeps the most decides; outside every scope nothing changes
    assert [(f.location.path, f.severity.value) for f in scoped.result.findings] == [
        ("tests/test_a.py", "medium"), ("src/app.py", "high")]
    assert scoped.ignored == {"tests": 1}
    assert "'fixtures' (rule 'B608')" in scoped.result.findings[0].properties["scoped"]


@pytest.mark.xfail(strict=True, reason="the built-in tests scope lowers every finding of a file "
                   "named like a test (*_test.py, tests/), also one application code imports; "
                   "the scope is applied in secsdlc.gate.scopes, which does not know imports")
def test_application_code_named_like_a_test(project: Any, mode: str) -> None:
    """`app/net_test.py` is application code: `app/views.py` imports it. Its TLS check turned
    off is lowered to low as test code, and the gate passes."""
    from tests.enforce.conftest import VULN, scan

    root = project({"app/__init__.py": "", "app/net_test.py": VULN,
                    "app/views.py": "from app.net_test import fetch\n\n\ndef sync():\n"
                                    "    return fetch('https://internal.example/feed').text\n"})
    out = scan(mode, root, scanners="bandit,semgrep")
    assert out.rc == 1, out.doc["findings"]
