"""Release sign-off: commit + open findings, signed by a correspondent, checked by the gate."""

from __future__ import annotations

import json

import pytest

from secsdlc.signoff import release

from . import world
from .conftest import commit_all, git
from .world import NOW, approve, finding, gate, request, result


@pytest.fixture
def setup(repo, make_key):
    admin, sec = make_key("admin@example.com"), make_key("sec@example.com")
    world.setup_registry(repo, admin, sec)
    return repo, (admin.fingerprint,), sec


def _sign(repo, res, key, **kw):
    s = release.create(res, root=repo, key=key.loaded, principal=key.principal, project="shop",
                       now=NOW, **kw)
    release.write_note(repo, s)
    return s


def test_signoff_of_head_and_open_set_passes(setup):
    repo, trust, sec = setup
    low = world.Severity.LOW
    res = result(finding("f1", severity=low), finding("f2", severity=low))
    s = _sign(repo, res, sec)
    assert s.open == ("f1", "f2")
    _, verdict = gate(repo, res, trust, require_signoff=True)
    assert verdict.passed, verdict.reasons


def test_missing_signoff_fails(setup):
    repo, trust, _ = setup
    _, verdict = gate(repo, result(), trust, require_signoff=True)
    assert not verdict.passed
    assert "no release sign-off for HEAD" in verdict.reasons[0]


def test_signoff_replayed_to_another_commit_is_rejected(setup):
    repo, trust, sec = setup
    res = result()
    s = _sign(repo, res, sec)
    (repo / "new.py").write_text("x = 1\n")
    commit_all(repo, "more code")
    # copy the note onto the new HEAD
    git(repo, "notes", "--ref", release.NOTES_REF, "add", "-f", "-m", s.to_json(), "HEAD")
    _, verdict = gate(repo, res, trust, require_signoff=True)
    assert not verdict.passed
    assert f"sign-off is for commit {s.commit[:12]}, HEAD is" in verdict.reasons[0]


def test_changed_open_set_is_rejected(setup):
    repo, trust, sec = setup
    low = world.Severity.LOW
    _sign(repo, result(finding("f1", severity=low)), sec)
    _, verdict = gate(repo, result(finding("f1", severity=low), finding("f2", severity=low)),
                      trust, require_signoff=True)
    assert "1 open finding(s) not in the sign-off: f2" in verdict.reasons
    _, verdict = gate(repo, result(), trust, require_signoff=True)
    assert "1 signed-off finding(s) no longer open: f1" in verdict.reasons


def test_waived_findings_are_not_open(setup):
    repo, trust, sec = setup
    dev_waiver = request(repo, "f1")
    approve(repo, dev_waiver, sec)
    commit_all(repo, "waiver")
    res = result(finding("f1"))
    annotated, _ = gate(repo, res, trust)
    s = _sign(repo, annotated, sec)
    assert s.open == ()
    _, verdict = gate(repo, res, trust, require_signoff=True)
    assert verdict.passed, verdict.reasons


def test_signoff_by_non_correspondent_or_edited_is_rejected(setup, make_key, tmp_path):
    repo, trust, sec = setup
    _sign(repo, result(), make_key("dev@example.com"))
    _, verdict = gate(repo, result(), trust, require_signoff=True)
    assert "which is not correspondent 'dev@example.com'" in verdict.reasons[0]
    s = _sign(repo, result(finding("f1", severity=world.Severity.LOW)), sec)
    data = json.loads(s.to_json())
    data["open"] = []
    edited = tmp_path / "signoff.json"
    edited.write_text(json.dumps(data))
    _, verdict = gate(repo, result(), trust, require_signoff=True, signoff_file=edited)
    assert "does not verify" in verdict.reasons[0]


def test_signoff_fails_closed_without_trusted_registry(setup):
    repo, _, sec = setup
    _sign(repo, result(), sec)
    _, verdict = gate(repo, result(), (), require_signoff=True)
    assert not verdict.passed and verdict.error
    assert "no trust root" in verdict.reasons[0]


def test_malformed_signoff_file(setup, tmp_path):
    repo, trust, _ = setup
    bad = tmp_path / "s.json"
    bad.write_text('{"version": 1}')
    _, verdict = gate(repo, result(), trust, require_signoff=True, signoff_file=bad)
    assert verdict.error and f"{bad}: fields must be exactly" in verdict.reasons[0]


def test_signoff_for_another_project_is_rejected(setup):
    # a fork shares its commits: a sign-off of the same commit in another project must not count
    repo, trust, sec = setup
    res = result()
    s = release.create(res, root=repo, key=sec.loaded, principal=sec.principal,
                       project="billing", now=NOW)
    release.write_note(repo, s)
    _, verdict = gate(repo, res, trust, require_signoff=True)
    assert not verdict.passed
    assert "sign-off is for project 'billing', this is 'shop'" in " ".join(verdict.reasons)
