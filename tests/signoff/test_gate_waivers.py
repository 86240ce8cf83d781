"""The gate with signed waivers: every security case is rejected with a clear reason."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from secsdlc.model import NotificationKind, Severity
from secsdlc.signoff import waivers

from . import world
from .world import NOW, approve, finding, gate, request, result


@pytest.fixture
def keys(make_key):
    return {
        "admin": make_key("admin@example.com"),
        "sec": make_key("sec@example.com", "ecdsa"),
        "dev": make_key("dev@example.com"),
    }


@pytest.fixture
def world_repo(repo, keys):
    world.setup_registry(repo, keys["admin"], keys["sec"])
    return repo


def _trust(keys):
    return (keys["admin"].fingerprint,)


def _warnings(res):
    return [n.message for n in res.notifications if n.kind is NotificationKind.WARNING]


def test_unwaived_high_finding_blocks(world_repo, keys):
    _, verdict = gate(world_repo, result(finding("f1")), _trust(keys))
    assert not verdict.passed and not verdict.error
    assert "high B602 at app/x.py:3 (fail-on high)" in verdict.reasons


def test_valid_waiver_suppresses_and_stays_in_result(world_repo, keys):
    w = approve(world_repo, request(world_repo, "f1", "f2"), keys["sec"])
    low = finding("f3", severity=Severity.LOW)
    res, verdict = gate(world_repo, result(finding("f1"), finding("f2"), low), _trust(keys))
    assert verdict.passed, verdict.reasons
    waived = [f for f in res.findings if f.fingerprint in ("f1", "f2")]
    assert len(waived) == 2
    s = waived[0].suppressions[0]
    assert (s.kind, s.status, s.justification) == ("external", "accepted", w.reason)
    assert s.properties == {"approver": "sec@example.com", "expires": "2026-12-16T12:00:00Z",
                            "waiver-id": w.id}
    assert not next(f for f in res.findings if f.fingerprint == "f3").suppressions


def _blocked_because(world_repo, keys, res_findings, match, **kw):
    res, verdict = gate(world_repo, result(*res_findings), _trust(keys), **kw)
    assert not verdict.passed
    text = "\n".join(verdict.reasons)
    assert match in text, text
    assert not any(f.suppressed for f in res.findings)
    return res


def test_pending_waiver_does_not_waive(world_repo, keys):
    request(world_repo, "f1")
    _blocked_because(world_repo, keys, [finding("f1")], "is pending: not approved yet")


def test_forged_signature_is_rejected(world_repo, keys):
    w = approve(world_repo, request(world_repo, "f1"), keys["dev"], principal="sec@example.com")
    # dev signed but claims to be sec: the key is not sec's
    _blocked_because(world_repo, keys, [finding("f1")], "is not a correspondent 'sec@example.com'")
    # a signature copied from another waiver does not verify on this one
    other = approve(world_repo, request(world_repo, "f9", reason="other"), keys["sec"])
    path = waivers.path_for(world_repo, w.id)
    data = json.loads(path.read_text())
    data["approval"] = {"principal": "sec@example.com", "signature": other.approval.signature}
    path.write_text(json.dumps(data))
    _blocked_because(world_repo, keys, [finding("f1")], "does not verify")


def test_signature_by_key_not_in_registry_is_rejected(world_repo, keys, make_key):
    outsider = make_key("outsider@example.com")
    approve(world_repo, request(world_repo, "f1"), outsider)
    _blocked_because(world_repo, keys, [finding("f1")],
                     f"signed by key {outsider.fingerprint}, which is not a correspondent")


def test_approval_by_requester_is_rejected(world_repo, keys):
    approve(world_repo, request(world_repo, "f1", requester="sec@example.com"), keys["sec"])
    _blocked_because(world_repo, keys, [finding("f1")], "approved by the requester")


def test_expired_waiver_is_rejected(world_repo, keys):
    approve(world_repo, request(world_repo, "f1", days=5, created=NOW - timedelta(days=6)),
            keys["sec"])
    _blocked_because(world_repo, keys, [finding("f1")], "is expired: expired 2026-11-26")


@pytest.mark.parametrize("field,value", [
    ("reason", "changed my mind"),
    ("expires", "2026-12-25T12:00:00Z"),  # still within the policy
    ("fingerprints", ["f1", "f2"]),
])
def test_waiver_edited_after_signing_is_rejected(world_repo, keys, field, value):
    w = approve(world_repo, request(world_repo, "f1"), keys["sec"])
    path = waivers.path_for(world_repo, w.id)
    data = json.loads(path.read_text())
    data[field] = value
    path.write_text(json.dumps(data))
    _blocked_because(world_repo, keys, [finding("f1"), finding("f2")],
                     "edited after it was requested")
    # even with the id recomputed and the file renamed, the signature no longer verifies
    edited = waivers.from_dict(data, "x")
    new_id = waivers.content_id(edited.request_content())
    data["id"] = new_id
    path.unlink()
    waivers.path_for(world_repo, new_id).write_text(json.dumps(data))
    _blocked_because(world_repo, keys, [finding("f1"), finding("f2")], "does not verify")


def test_waiver_replayed_to_another_finding_is_rejected(world_repo, keys):
    approve(world_repo, request(world_repo, "f1"), keys["sec"])
    # same fingerprint, another rule or another file: not the finding that was waived
    _blocked_because(world_repo, keys, [finding("f1", rule="B608")], "is for rule B602")
    _blocked_because(world_repo, keys, [finding("f1", path="app/y.py")], "is for app/x.py")
    # a different finding is simply not covered
    _, verdict = gate(world_repo, result(finding("f2")), _trust(keys))
    assert not verdict.passed


def test_waiver_longer_than_policy_allows_for_the_finding(world_repo, keys):
    # requested as medium (90 days allowed) but the finding is critical (14 days)
    approve(world_repo, request(world_repo, "f1", severity=Severity.MEDIUM, days=60), keys["sec"])
    _blocked_because(world_repo, keys, [finding("f1", severity=Severity.CRITICAL)],
                     "longer than the 14 days the policy allows for a critical")


def test_waiver_longer_than_policy_for_its_own_severity_is_invalid(world_repo, keys):
    approve(world_repo, request(world_repo, "f1", days=45), keys["sec"])
    _blocked_because(world_repo, keys, [finding("f1")], "lasts 45 days; policy allows at most 30")


def test_waiver_length_limit_is_exact_to_the_second():
    limits = {Severity.HIGH: 30}
    assert waivers.over_limit(NOW, NOW + timedelta(days=30), Severity.HIGH, limits) is None
    assert waivers.over_limit(NOW, NOW + timedelta(days=30, seconds=1), Severity.HIGH,
                              limits) == 30
    assert waivers.over_limit(NOW, NOW + timedelta(days=999), Severity.LOW, limits) is None


def test_expiring_soon_is_a_warning(world_repo, keys):
    w = approve(world_repo, request(world_repo, "f1", days=5), keys["sec"])
    res, verdict = gate(world_repo, result(finding("f1")), _trust(keys))
    assert verdict.passed
    assert any(w.id in m and "expires 2026-12-01" in m for m in _warnings(res))


def test_untrusted_registry_makes_waivers_not_count(world_repo, keys, make_key):
    approve(world_repo, request(world_repo, "f1"), keys["sec"])
    wrong_root = (make_key("someone@example.com").fingerprint,)
    res, verdict = gate(world_repo, result(finding("f1")), wrong_root)
    assert not verdict.passed
    assert any("registry not trusted" in m for m in _warnings(res))
    assert "cannot check the approver" in "\n".join(verdict.reasons)


def test_newcomer_registry_entry_does_not_help(world_repo, keys):
    # dev adds themselves to the registry (signing with their own key) and approves
    from secsdlc.signoff import allowed_signers, registry, sshsig

    from .conftest import commit_all

    text = (world_repo / registry.REGISTRY_FILE).read_text() + allowed_signers.format_line(
        "dev2@example.com", sshsig.public_key_of(keys["dev"].loaded))
    signature_file = registry.signature_file_for(world_repo, text.encode(), keys["dev"].loaded)
    (world_repo / registry.REGISTRY_FILE).write_text(text)
    (world_repo / registry.SIGNATURE_FILE).write_text(signature_file)
    commit_all(world_repo, "trust me")
    approve(world_repo, request(world_repo, "f1"), keys["dev"], principal="dev2@example.com")
    res, verdict = gate(world_repo, result(finding("f1")), _trust(keys))
    assert not verdict.passed
    assert any("not a correspondent of the previous version" in m for m in _warnings(res))


def test_broken_waiver_file_is_reported_not_silently_dropped(world_repo, keys):
    bad = world_repo / waivers.WAIVER_DIR / "w-0000.json"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("{not json")
    res, _ = gate(world_repo, result(), _trust(keys))
    assert any("w-0000.json: not valid JSON" in m for m in _warnings(res))


def test_project_binding(repo, keys):
    from secsdlc.config import Config

    world.setup_registry(repo, keys["admin"], keys["sec"], project="shop")
    approve(repo, request(repo, "f1", project="other"), keys["sec"])
    # the repository's configuration naming the other project changes nothing
    cfg = Config(source="p/.secsdlc.toml", sections={"policy": {"project": "other"}})
    res = _blocked_because(repo, keys, [finding("f1")], "for project 'other', this is 'shop'",
                           config=cfg)
    assert any("not the project the correspondent registry is signed for ('shop')" in m
               for m in _warnings(res))


def test_failed_or_missing_required_scanner_fails_closed(world_repo, keys):
    from secsdlc.config import Config

    cfg = Config(source="p/.secsdlc.toml",
                 sections={"policy": {"required-scanners": ["bandit", "secrets"]}})
    _, verdict = gate(world_repo, result(), _trust(keys), config=cfg)
    assert not verdict.passed and verdict.error
    assert "required scanner secrets did not run" in verdict.reasons
    _, verdict = gate(world_repo, result(failed=("bandit",)), _trust(keys), config=cfg)
    assert "scanner bandit failed" in verdict.reasons


def test_external_suppression_claimed_by_the_input_is_not_trusted(world_repo, keys):
    from dataclasses import replace

    from secsdlc.model import Suppression

    forged = replace(finding("f1"), suppressions=(Suppression(
        kind="external", justification="trust me", properties={"waiver-id": "w-0"}),))
    in_source = replace(finding("f2"), suppressions=(Suppression(
        kind="inSource", justification="nosec reviewed"),))
    res, verdict = gate(world_repo, result(forged, in_source), _trust(keys))
    assert not verdict.passed
    assert "high B602 at app/x.py:3 (fail-on high)" in verdict.reasons
    by_fp = {f.fingerprint: f for f in res.findings}
    assert by_fp["f1"].suppressions == ()
    assert by_fp["f2"].suppressed  # in-source suppressions are the scanner's, kept
    # re-gating an already gated result does not duplicate the waiver's suppression
    approve(world_repo, request(world_repo, "f1"), keys["sec"])
    once, verdict = gate(world_repo, result(forged, in_source), _trust(keys))
    twice, _ = gate(world_repo, once, _trust(keys))
    assert verdict.passed
    assert len(next(f for f in twice.findings if f.fingerprint == "f1").suppressions) == 1
