"""One SARIF reader: the gate and the history read the same file the same way, and say what they
had to guess."""

from __future__ import annotations

import json
from typing import Any

import pytest

from secsdlc.history.sarif_import import parse_bytes
from secsdlc.model import NotificationKind, Severity
from secsdlc.sarif.reader import SarifError, parse

# Another tool's SARIF, in the shapes real tools write: CodeQL tags and a rule score, semgrep's
# "CWE-89: ..." strings, a file URI, a "./" path, a result with no level anywhere, an unknown rule.
FOREIGN: dict[str, Any] = {
    "version": "2.1.0",
    "runs": [{
        "tool": {"driver": {"name": "OtherTool", "rules": [
            {"id": "py/sql", "properties": {"security-severity": "8.8",
                                            "tags": ["security", "external/cwe/cwe-089"]}},
            {"id": "py/eval", "defaultConfiguration": {"level": "note"},
             "properties": {"cwe": ["CWE-95: Eval Injection"]}},
            {"id": "py/quiet"},
        ]}},
        "results": [
            {"ruleId": "py/sql", "level": "warning", "message": {"text": "sql"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "./app/db.py"},
                                                 "region": {"startLine": 3}}}]},
            {"ruleId": "py/eval", "message": {"text": "eval"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/e%20x.py"},
                                                 "region": {"startLine": 5}}}]},
            {"ruleId": "py/quiet", "message": {"text": "no level"},
             "locations": [{"physicalLocation": {
                 "artifactLocation": {"uri": "file:///src/app/q.py"},
                 "region": {"startLine": 7}}}]},
            {"ruleId": "py/unknown", "level": "error", "message": {"text": "who?"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/u.py"},
                                                 "region": {"startLine": 9}}}]},
        ],
    }],
}


def test_gate_and_history_read_the_same_severity_cwe_and_path() -> None:
    gate = {(f.rule_id, f.location.path, f.severity, f.cwe)
            for f in parse(FOREIGN, source="x.sarif").findings}
    history = {(f.rule_id, f.path, f.severity, f.cwe)
               for f in parse_bytes(json.dumps(FOREIGN).encode(), source="x.sarif").findings}
    assert gate == history == {
        ("py/sql", "app/db.py", Severity.HIGH, (89,)),  # the rule's score beats the level
        ("py/eval", "app/e x.py", Severity.LOW, (95,)),  # the rule's default level
        ("py/quiet", "/src/app/q.py", Severity.MEDIUM, ()),
        ("py/unknown", "app/u.py", Severity.HIGH, ()),
    }


def test_what_the_reader_guesses_it_says() -> None:
    (run,) = parse(FOREIGN, source="x.sarif").runs
    notes = [n for n in run.notifications if n.kind is NotificationKind.WARNING]
    messages = " | ".join(n.message for n in notes)
    assert "/src/app/q.py:7: py/quiet: no level, severity or security-severity: taken as " \
           "medium" in messages
    assert "app/u.py:9: rule py/unknown is not described in the run" in messages
    assert len(notes) == 2  # nothing said about what was not guessed


def test_a_meaningless_severity_is_refused_with_its_json_path() -> None:
    doc = json.loads(json.dumps(FOREIGN))
    doc["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(SarifError) as info:
        parse(doc, source="x.sarif")
    assert str(info.value) == ("x.sarif: $.runs[0].results[0].level: must be none, note, "
                               "warning or error, got 'fatal'")
    doc["runs"][0]["results"][0]["level"] = "error"
    doc["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["security-severity"] = "11"
    with pytest.raises(SarifError, match="security-severity: must be 0-10"):
        parse(doc, source="x.sarif")


def test_the_gate_reads_what_the_history_reads_of_codeql_extensions_and_messages() -> None:
    from tests.history.test_sarif_import import CODEQL

    doc = json.loads(json.dumps(CODEQL))
    result = doc["runs"][0]["results"][1]
    result["message"] = {"id": "weak", "arguments": ["md5"]}
    doc["runs"][0]["tool"]["extensions"][0]["rules"][1]["messageStrings"] = {
        "weak": {"text": "{0} is weak"}}
    (run,) = parse(doc, source="codeql.sarif").runs
    by_rule = {f.rule_id: f for f in run.findings}
    assert by_rule["py/weak-crypto"].severity is Severity.CRITICAL  # the extension's 9.1
    assert by_rule["py/weak-crypto"].message == "md5 is weak"
    assert by_rule["py/weak-crypto"].location.path == "src/db.py"  # run.artifacts by index
    assert by_rule["py/sql-injection"].cwe == (89,)
    history = {f.rule_id: f for f in parse_bytes(json.dumps(doc).encode(),
                                                 source="codeql.sarif").findings}
    assert history["py/weak-crypto"].message == "md5 is weak"
    assert not [n for n in run.notifications if "not described" in n.message]


def test_a_run_without_results_failed_and_a_passing_check_is_no_finding() -> None:
    doc = json.loads(json.dumps(FOREIGN))
    doc["runs"][0]["results"][0]["kind"] = "pass"
    (run,) = parse(doc, source="x.sarif").runs
    assert run.succeeded
    assert "py/sql" not in {f.rule_id for f in run.findings}
    del doc["runs"][0]["results"]
    (run,) = parse(doc, source="x.sarif").runs
    assert not run.succeeded and run.findings == ()
    history = parse_bytes(json.dumps(doc).encode(), source="x.sarif")
    assert history.runs_failed
    doc["runs"] = []
    assert parse_bytes(json.dumps(doc).encode(), source="x.sarif").runs_failed
