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


def _waiver_for(root: Path, alice: Key, *, approved: bool = True) -> tuple[str, str]:
    """(id, fingerprint) of a waiver of the high finding in app.py, as the gate sees it."""
    from secsdlc.model import Severity
    from tests.signoff.world import approve, request

    first = scan_repo("enforce", root, alice, scanners="bandit")
    [high] = [f for f in first.doc["findings"] if f["severity"] == "high" and f["rule"] == "B501"]
    waiver = request(root, high["fingerprint"], rule="B501", path="app.py",
                     severity=Severity.HIGH)
    if approved:
        approve(root, waiver, alice)
    commit_all(root, "waiver")
    return waiver.id, high["fingerprint"]


@pytest.mark.parametrize("waiver", ["approved", "pending", "another finding's"])
def test_suppression_naming_a_waiver(signed_repo: tuple[Path, Key], mode: str,
                                     waiver: str) -> None:
    root, alice = signed_repo
    if waiver == "another finding's":
        (root / "other.py").write_text(HEAD + FLAGGED + "\n")
        commit_all(root, "another finding")
        from secsdlc.model import Severity
        from tests.signoff.world import approve, request

        out = scan_repo("enforce", root, alice, scanners="bandit")
        [other] = [f for f in out.doc["findings"]
                   if f["path"] == "other.py" and f["rule"] == "B501"]
        named = request(root, other["fingerprint"], rule="B501", path="other.py",
                        severity=Severity.HIGH)
        approve(root, named, alice)
        commit_all(root, "waiver of other.py")
        named_id = named.id
    else:
        named_id, _ = _waiver_for(root, alice, approved=waiver == "approved")
    # the comment is written after the waiver: it does not change the finding's fingerprint
    (root / "app.py").write_text(HEAD + FLAGGED + f"  # secsdlc: waiver {named_id}\n")
    commit_all(root, "comment naming the waiver")
    out = scan_repo(mode, root, alice, scanners="bandit")
    if mode == "advisory":
        # as written: the comment hides the line's findings (other.py's is not waived here)
        assert out.rc == (1 if waiver == "another finding's" else 0), out.doc["findings"]
        app = [f for f in out.doc["findings"] if f["path"] == "app.py"]
        assert app and all(f["suppressed"] for f in app) and not _unapproved(out)
    elif waiver == "approved":
        assert out.rc == 0, (out.doc["verdict"], out.doc["findings"])
        [hidden] = [f for f in out.doc["findings"] if f["rule"] == "B501"]
        assert hidden["suppressed"]
    else:
        assert out.rc == 1, out.doc["findings"]
        [report] = [f for f in _unapproved(out)
                    if not f["suppressed"] and f["severity"] == "high"]
        assert named_id in report["message"] and report["severity"] == "high"


def test_suppression_naming_no_waiver(project: Any, mode: str) -> None:
    root = project({"app.py": HEAD + FLAGGED + "  # secsdlc: waiver please\n"})
    out = scan(mode, root, scanners="bandit,semgrep")
    assert out.rc == 1, out.doc["findings"]  # malformed: not honoured in either mode
    assert any(f["rule"] == "secsdlc.invalid-suppression" for f in out.doc["findings"])
