"""The bundled rule pack: its own semgrep tests pass and every rule carries complete metadata."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from secsdlc.cli import main
from secsdlc.errors import SecsdlcError
from secsdlc.owasp import TITLES_2021, TITLES_2025, categories
from secsdlc.rule_tests import parse_test_output, run_rule_tests
from secsdlc.rules_path import rules_dir
from secsdlc.scanners import registry

PACK = rules_dir()
RULE_FILES = sorted(PACK.rglob("*.yaml")) + sorted(PACK.rglob("*.yml"))
CATEGORY_DIRS = {
    "a01-broken-access-control": "A01:2025",
    "a02-security-misconfiguration": "A02:2025",
    "a04-cryptographic-failures": "A04:2025",
    "a05-injection": "A05:2025",
    "a06-insecure-design": "A06:2025",
    "a07-authentication-failures": "A07:2025",
    "a08-software-data-integrity-failures": "A08:2025",
    "a09-logging-alerting-failures": "A09:2025",
    "a10-mishandling-exceptional-conditions": "A10:2025",
}
CWE_ENTRY = re.compile(r"CWE-(\d+): \S.*")
LEVELS = {"HIGH", "MEDIUM", "LOW"}


def _rules(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict) and isinstance(data.get("rules"), list), path
    return data["rules"]


ALL_RULES = [(path, rule) for path in RULE_FILES for rule in _rules(path)]


def _ids(params: list[tuple[Path, dict[str, Any]]]) -> list[str]:
    return [str(rule.get("id")) for _, rule in params]


def test_pack_covers_every_category_but_supply_chain() -> None:
    present = {p.parent.name for p in RULE_FILES}
    assert present == set(CATEGORY_DIRS), present ^ set(CATEGORY_DIRS)
    assert len(ALL_RULES) >= 30


def test_only_rules_and_their_tests_live_in_the_pack() -> None:
    # semgrep loads every YAML under the directory as rules, so nothing else may be YAML, and
    # every other file must be the test file of a rule.
    for path in PACK.rglob("*"):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        assert path.parent.name in CATEGORY_DIRS, f"{path}: outside a category folder"
        if path.suffix == ".py":
            assert path.with_suffix(".yaml").exists(), f"{path}: test file without a rule"
        else:
            assert path.suffix == ".yaml", f"{path}: unexpected file in the rule pack"


def test_rule_ids_are_unique_and_prefixed() -> None:
    ids = [rule["id"] for _, rule in ALL_RULES]
    assert len(ids) == len(set(ids))
    for rule_id in ids:
        assert re.fullmatch(r"secsdlc\.python\.[a-z0-9-]+\.[a-z0-9-]+", rule_id), rule_id


@pytest.mark.parametrize(("path", "rule"), ALL_RULES, ids=_ids(ALL_RULES))
def test_rule_metadata_is_complete_and_consistent(path: Path, rule: dict[str, Any]) -> None:
    assert rule["languages"] == ["python"]
    assert rule["severity"] in {"ERROR", "WARNING", "INFO"}
    assert len(rule["message"]) > 60, "the message must tell the developer what to do"
    meta = rule["metadata"]
    assert meta["confidence"] in LEVELS and meta["likelihood"] in LEVELS
    assert meta["impact"] in LEVELS
    # measured by benchmarks/rule_precision.py, reported to code scanning as properties.precision
    assert meta["precision"] in {"very-high", "high", "medium", "low"}
    assert re.fullmatch(r"(\d\.\d\d|n/a) \(\d+/\d+\)", meta["precision-measured"])
    assert meta["references"] and all(u.startswith("https://") for u in meta["references"])
    if "secsdlc-severity" in meta:
        assert meta["secsdlc-severity"] in {"critical", "high", "medium", "low", "info"}
    cwes = []
    for entry in meta["cwe"]:
        m = CWE_ENTRY.fullmatch(entry)
        assert m, f"{rule['id']}: cwe entry {entry!r} is not 'CWE-NNN: title'"
        cwes.append(int(m.group(1)))
    y2025, y2021 = categories(cwes)
    expected = [f"{c} - {TITLES_2025[c]}" for c in y2025]
    expected += [f"{c} - {TITLES_2021[c]}" for c in y2021]
    assert meta["owasp"] == expected, f"{rule['id']}: owasp disagrees with secsdlc/owasp.py"
    assert y2025 == (CATEGORY_DIRS[path.parent.name],), f"{rule['id']} is in the wrong folder"
    if rule.get("mode") == "taint":
        assert rule["pattern-sources"] and rule["pattern-sinks"]
    if "superseded-by" in meta:  # a misspelt scanner name would leave the rule running
        by = meta["superseded-by"]
        names = [by] if isinstance(by, str) else by
        assert names and set(names) <= set(registry.load_all()[0]), by


@pytest.mark.parametrize(("path", "rule"), ALL_RULES, ids=_ids(ALL_RULES))
def test_rule_has_positive_and_negative_tests(path: Path, rule: dict[str, Any]) -> None:
    test_file = path.with_suffix(".py")
    assert test_file.is_file(), f"{path}: no test file {test_file.name}"
    text = test_file.read_text()
    assert re.search(rf"#\s*ruleid:.*\b{re.escape(rule['id'])}\b", text), "no ruleid: annotation"
    assert re.search(rf"#\s*ok:.*\b{re.escape(rule['id'])}\b", text), "no ok: annotation"


def test_web_taint_rules_share_one_definition_of_request_data() -> None:
    # The request sources are copied into each taint rule (semgrep has no include); a rule that
    # drifted would silently miss a framework.
    web = [r for _, r in ALL_RULES
           if r.get("mode") == "taint" and r["id"] != "secsdlc.python.crypto.insecure-random"]
    assert len(web) >= 10
    first = web[0]["pattern-sources"]
    for rule in web[1:]:
        assert rule["pattern-sources"] == first, f"{rule['id']}: request sources differ"


def test_semgrep_test_passes_for_the_whole_pack() -> None:
    results = run_rule_tests(PACK)
    failing = [r for r in results if not r.passed]
    assert not failing, failing
    assert {r.rule_id for r in results} == {rule["id"] for _, rule in ALL_RULES}


def _one_rule_copy(tmp_path: Path, name: str = "code-injection") -> Path:
    target = tmp_path / "pack" / "a05-injection"
    target.mkdir(parents=True)
    for suffix in (".yaml", ".py"):
        shutil.copy(PACK / "a05-injection" / (name + suffix), target / (name + suffix))
    return target


def test_cli_fails_when_an_ok_line_is_flagged(tmp_path: Path, capsys: Any) -> None:
    target = _one_rule_copy(tmp_path)
    test_file = target / "code-injection.py"
    # turn one negative into a positive expectation: the rule now "misses" an annotated line
    test_file.write_text(test_file.read_text().replace(
        "# ok: secsdlc.python.injection.code-injection",
        "# ruleid: secsdlc.python.injection.code-injection", 1))
    assert main(["rules", "test", "--rules", str(tmp_path / "pack")]) == 1
    out = capsys.readouterr().out
    assert "FAIL  secsdlc.python.injection.code-injection: missed lines" in out


def test_cli_passes_on_a_good_pack(tmp_path: Path, capsys: Any) -> None:
    _one_rule_copy(tmp_path)
    assert main(["rules", "test", "--rules", str(tmp_path / "pack"), "-v"]) == 0
    assert "ok    secsdlc.python.injection.code-injection" in capsys.readouterr().out


def test_cli_rejects_a_missing_directory(tmp_path: Path) -> None:
    assert main(["rules", "test", "--rules", str(tmp_path / "nope")]) == 2


def test_output_parser_fails_closed() -> None:
    with pytest.raises(SecsdlcError, match="not JSON"):
        parse_test_output("Traceback (most recent call last)", "boom")
    with pytest.raises(SecsdlcError, match="no 'results'"):
        parse_test_output("{}")
    with pytest.raises(SecsdlcError, match="no rules"):
        parse_test_output('{"results": {}}')
    missing = parse_test_output('{"results": {}, "config_missing_tests": ["r.yaml"]}')
    assert [(r.rule_id, r.passed) for r in missing] == [("r.yaml", False)]
    # a check semgrep calls passed but with an unexpected line is still a failure
    odd = parse_test_output(
        '{"results": {"r.yaml": {"checks": {"x": {"passed": true, "matches": '
        '{"t.py": {"expected_lines": [3], "reported_lines": [3, 5]}}, "errors": []}}}}}'
    )
    assert odd[0].passed is False and odd[0].unexpected_lines == (5,)
