"""The accuracy scorer: counts per category, CWE relatives, down-ranked results, bad input."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCORE_PY = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy" / "score.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


score = _load()

EXPECTED = """file,category,cwe,vulnerable
sqli/a.py,sqli,CWE-89,true
sqli/b.py,sqli,CWE-89,false
sqli/c.py,sqli,CWE-89,true
hash/d.py,hash,CWE-328,true
"""


def _sarif(results: list[tuple[str, str, str]]) -> dict[str, object]:
    """results: (uri, rule id, severity); rule ids carry their CWE in the rule's tags."""
    rules = [{"id": "sql", "properties": {"tags": ["CWE-89: SQL Injection"]}},
             {"id": "md5", "properties": {"tags": ["external/cwe/cwe-327"]}}]
    return {"version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "t", "rules": rules}},
        "results": [{"ruleId": rule, "properties": {"severity": sev},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]}
                    for uri, rule, sev in results],
    }]}


def test_counts_cwe_and_relatives_per_file(tmp_path: Path) -> None:
    expected = tmp_path / "expected.csv"
    expected.write_text(EXPECTED)
    sarif = tmp_path / "out.sarif"
    sarif.write_text(json.dumps(_sarif([
        ("corpus/sqli/a.py", "sql", "high"),
        ("corpus/sqli/b.py", "sql", "high"),  # false positive
        ("corpus/sqli/c.py", "md5", "high"),  # wrong CWE: does not count for sqli
        ("corpus/hash/d.py", "md5", "medium"),  # CWE-327 is a relative of CWE-328
    ])))
    table = score.score(score.load_expected(expected), score.load_findings(sarif))
    assert table["sqli (CWE-89)"] == [1, 1, 1, 0]
    assert table["hash (CWE-328)"] == [1, 0, 0, 0]
    text, average = score.render(table)
    # hash has no safe case: its Youden is undefined and left out of the average
    assert average == pytest.approx(0.5 - 1.0)
    assert "average Youden over 1 categories: -0.500 (1 without both" in text
    assert "hash (CWE-328)" in text and "n/a" in text


def test_downranked_info_results_do_not_count_by_default(tmp_path: Path) -> None:
    sarif = tmp_path / "out.sarif"
    sarif.write_text(json.dumps(_sarif([("sqli/b.py", "sql", "info")])))
    assert score.load_findings(sarif) == []
    assert len(score.load_findings(sarif, include_info=True)) == 1


def test_reads_bandit_json(tmp_path: Path) -> None:
    report = tmp_path / "bandit.json"
    report.write_text(json.dumps({"metrics": {}, "results": [
        {"filename": "corpus/sqli/a.py", "issue_cwe": {"id": 89}, "test_id": "B608"}]}))
    assert score.load_findings(report) == [("corpus/sqli/a.py", {89})]


def test_rejects_bad_expected_rows_naming_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "expected.csv"
    bad.write_text("file,category,cwe,vulnerable\nsqli/a.py,sqli,89,yes\n")
    with pytest.raises(score.ScoreError, match=r"expected\.csv:2: bad row"):
        score.load_expected(bad)
    bad.write_text("path,cwe\n")
    with pytest.raises(score.ScoreError, match="header"):
        score.load_expected(bad)


def test_rejects_unknown_result_formats(tmp_path: Path) -> None:
    other = tmp_path / "x.json"
    other.write_text("{}")
    with pytest.raises(score.ScoreError, match="neither SARIF"):
        score.load_findings(other)
    other.write_text("not json")
    with pytest.raises(score.ScoreError, match="cannot read JSON"):
        score.load_findings(other)


def test_corpus_labels_are_balanced_and_files_exist() -> None:
    root = SCORE_PY.parent
    for part in ("corpus", "holdout"):
        rows = score.load_expected(root / f"expected-{part}.csv")
        vulnerable = sum(r.vulnerable for r in rows)
        assert 0.4 < vulnerable / len(rows) < 0.6
        for row in rows:
            assert (root / part / row.file).is_file(), row.file
