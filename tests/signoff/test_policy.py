"""Policy loading, per-directory overrides, and signed relaxations."""

from __future__ import annotations

import pytest

from secsdlc.config import Config
from secsdlc.errors import ConfigError
from secsdlc.gate import policy
from secsdlc.model import Severity
from secsdlc.signoff import sshsig

from . import world
from .world import finding, gate, result

SRC = "/p/pyproject.toml"


def _parse(table):
    return policy.parse(table, source=SRC)


def test_full_policy_parses():
    p = _parse({
        "project": "shop", "fail-on": "medium", "required-scanners": ["bandit", "semgrep"],
        "max-waiver-days": {"critical": 7}, "sla-days": {"high": 20},
        "overrides": {"services/payments/": {"fail-on": "low", "required-scanners": ["secrets"]}},
    })
    assert (p.project, p.fail_on) == ("shop", Severity.MEDIUM)
    assert p.max_waiver_days[Severity.CRITICAL] == 7
    assert p.max_waiver_days[Severity.HIGH] == 30  # default kept
    assert p.sla_days[Severity.HIGH] == 20
    assert p.all_required_scanners() == ("bandit", "semgrep", "secrets")
    assert p.effective("services/payments/api.py", Severity.HIGH).fail_on is Severity.LOW
    assert p.effective("services/paymentsX/api.py", Severity.HIGH).fail_on is Severity.MEDIUM
    assert p.effective("app.py", Severity.HIGH).fail_on is Severity.MEDIUM


def test_unknown_keys_warn():
    p = _parse({"fail_on": "high", "overrides": {"a": {"fial-on": "low"}}})
    assert any("'tool.secsdlc.policy.fail_on'" in w for w in p.warnings)
    assert any('overrides."a".fial-on' in w for w in p.warnings)


@pytest.mark.parametrize("table,key,problem", [
    ({"fail-on": "severe"}, "tool.secsdlc.policy.fail-on", "unknown severity"),
    ({"fail-on": 3}, "tool.secsdlc.policy.fail-on", "must be a severity string"),
    ({"project": 1}, "tool.secsdlc.policy.project", "must be a string"),
    ({"required-scanners": "bandit"}, "tool.secsdlc.policy.required-scanners", "list"),
    ({"max-waiver-days": {"high": 0}}, "tool.secsdlc.policy.max-waiver-days.high", "positive"),
    ({"max-waiver-days": {"urgent": 3}}, "tool.secsdlc.policy.max-waiver-days.urgent",
     "unknown severity"),
    ({"sla-days": []}, "tool.secsdlc.policy.sla-days", "must be a table"),
    ({"overrides": {"../x": {}}}, 'tool.secsdlc.policy.overrides."../x"', "without '..'"),
    ({"overrides": {"x": 3}}, 'tool.secsdlc.policy.overrides."x"', "must be a table"),
])
def test_invalid_values_name_file_and_key(table, key, problem):
    with pytest.raises(ConfigError) as e:
        _parse(table)
    assert e.value.source == SRC and e.value.key == key and problem in e.value.problem


@pytest.mark.parametrize("override,what", [
    ({"fail-on": "critical"}, "fail-on 'critical' is looser than 'high'"),
    ({"max-waiver-days": {"high": 60}}, "max-waiver-days.high 60 > 30"),
    ({"sla-days": {"low": 400}}, "sla-days.low 400 > 180"),
])
def test_unsigned_relaxation_is_refused(override, what):
    with pytest.raises(ConfigError, match="may only tighten") as e:
        _parse({"fail-on": "high", "overrides": {"legacy": override}})
    assert what in str(e.value)


def test_nested_override_compares_with_its_parent():
    with pytest.raises(ConfigError, match="'medium' is looser than 'low'"):
        _parse({"overrides": {"svc": {"fail-on": "low"}, "svc/a": {"fail-on": "medium"}}})


def _signed_relaxation(project, key):
    o = policy.Override(directory="legacy", raw={"fail-on": "critical"})
    return sshsig.sign(key.loaded, policy.relaxation_bytes(project, o), policy.POLICY_NAMESPACE)


def _cfg(signature: str) -> Config:
    return Config(source="/p/.secsdlc.toml", sections={"policy": {
        "project": "shop", "fail-on": "high",
        "overrides": {"legacy": {"fail-on": "critical", "signature": signature}}}})


def test_signed_relaxation_applies_only_when_signer_is_a_correspondent(repo, make_key):
    admin, dev = make_key("admin@example.com"), make_key("dev@example.com")
    world.setup_registry(repo, admin)
    res = result(finding("f1", path="legacy/old.py"))
    trust = (admin.fingerprint,)
    _, verdict = gate(repo, res, trust, config=_cfg(_signed_relaxation("shop", admin)))
    assert verdict.passed, verdict.reasons
    # signed by a developer: loaded, but applied tighten-only, with a warning
    out, verdict = gate(repo, res, trust, config=_cfg(_signed_relaxation("shop", dev)))
    assert not verdict.passed
    assert any("applied as tighten-only" in n.message and "not a correspondent" in n.message
               for n in out.notifications)
    # a relaxation signed for another project does not verify here
    out, verdict = gate(repo, res, trust, config=_cfg(_signed_relaxation("x", admin)))
    assert not verdict.passed


def test_tightening_override_blocks_lower_severity(repo):
    cfg = Config(source="/p/.secsdlc.toml", sections={"policy": {
        "overrides": {"services/payments": {"fail-on": "medium"}}}})
    medium = finding("f1", path="services/payments/pay.py", severity=Severity.MEDIUM)
    _, verdict = gate(repo, result(medium), (), config=cfg)
    assert not verdict.passed
    assert "medium B602 at services/payments/pay.py:3 (fail-on medium)" in verdict.reasons
    elsewhere = finding("f2", path="services/search/s.py", severity=Severity.MEDIUM)
    _, verdict = gate(repo, result(elsewhere), (), config=cfg)
    assert verdict.passed


def test_policy_fail_on_over_default_and_override_cannot_loosen_cli(repo):
    cfg = Config(source="/p/.secsdlc.toml", sections={"policy": {"fail-on": "critical"}})
    _, verdict = gate(repo, result(finding("f1")), (), config=cfg)
    assert verdict.passed  # a high finding under fail-on critical
    cfg = Config(source="/p/.secsdlc.toml", sections={"policy": {
        "overrides": {"app": {"fail-on": "high"}}}})
    # with --fail-on low at the command line an unsigned override cannot raise the bar
    _, verdict = gate(repo, result(finding("f1", severity=Severity.LOW)), (), config=cfg,
                      fail_on=Severity.LOW)
    assert not verdict.passed
