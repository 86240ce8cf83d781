"""Inline suppressions: honoured as written in advisory mode; in enforce mode only with a
correspondent's approval, and an unapproved one is reported at the severity of what it hides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.enforce.conftest import Key, commit_all, scan, scan_repo, sign_policy

FLAGGED = "    return requests.get(url, verify=False)"
HEAD = "import requests\n\n\ndef fetch(url):\n"
# an AWS access key id assembled at run time, so no scanner flags this test file
AWS_KEY = "AKIA" + "Q7ZP3LM2X9RT4KVB"


def _unapproved(out: Any) -> list[dict[str, Any]]:
    return [f for f in out.doc["findings"] if f["rule"] == "secsdlc.unapproved-suppression"]


@pytest.mark.parametrize("comment", ["  # nosec", "  # secsdlc: ignore[*] fine"])
def test_inline_suppression(project: Any, mode: str, comment: str) -> None:
    root = project({"app.py": HEAD + FLAGGED + comment + "\n"})
    out = scan(mode, root, scanners="bandit,semgrep")
    if mode == "advisory":
        assert out.rc == 0 and not _unapproved(out), out.doc["findings"]
    else:
        assert out.rc == 1, out.doc["verdict"]
        # one report per hidden finding (B113, medium, is on the same line)
        [report] = [f for f in _unapproved(out) if f["severity"] == "high"]
        assert report["startLine"] == 5
        hidden = [f for f in out.doc["findings"] if f["suppressions"]
                  and f["rule"] != "secsdlc.unapproved-suppression"]
        assert hidden and not any(f["suppressed"] for f in hidden)


def test_nosec_inside_a_string_literal(project: Any, mode: str) -> None:
    root = project({"app.py": HEAD + FLAGGED[:-1] + ', headers={"x": "# nosec"})\n'})
    out = scan(mode, root, scanners="bandit,semgrep")
    assert out.rc == 1, out.doc["findings"]  # a string is not a comment, in both modes
    assert not any(f["suppressions"] for f in out.doc["findings"])


def test_suppression_silencing_the_secrets_scanner(project: Any, mode: str) -> None:
    root = project({"settings.py": f'AWS_ACCESS_KEY_ID = "{AWS_KEY}"  '
                                   f'# secsdlc: ignore[*] fine\n'})
    out = scan(mode, root, scanners="secrets")
    assert out.rc == (0 if mode == "advisory" else 1), out.doc["findings"]
    if mode == "enforce":
        assert _unapproved(out)


def test_signed_policy_allowing_inline_suppressions(signed_repo: tuple[Path, Key],
                                                    mode: str) -> None:
    root, alice = signed_repo
    (root / "app.py").write_text(HEAD + FLAGGED + "  # nosec\n")
    (root / "pyproject.toml").write_text('[tool.secsdlc.suppressions]\ninline-up-to = "high"\n')
    commit_all(root, "suppression allowed by policy")
    sign_policy(root, alice)
    out = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    assert out.rc == 0 and not _unapproved(out), out.doc["findings"]


def test_signed_waiver_approves_the_suppression(signed_repo: tuple[Path, Key],
                                                mode: str) -> None:
    from secsdlc.model import Severity
    from tests.signoff.world import approve, request

    root, alice = signed_repo
    (root / "app.py").write_text(HEAD + FLAGGED + "  # nosec\n")
    commit_all(root, "suppressed")
    first = scan_repo("enforce", root, alice, scanners="bandit,semgrep")
    [hidden] = [f for f in first.doc["findings"] if f["suppressions"]
                and f["rule"] != "secsdlc.unapproved-suppression" and f["severity"] == "high"]
    waiver = request(root, hidden["fingerprint"], rule=hidden["rule"], path="app.py",
                     severity=Severity.HIGH)
    approve(root, waiver, alice)
    commit_all(root, "waiver")
    out = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    assert out.rc == 0, (out.doc["verdict"], out.doc["findings"])
