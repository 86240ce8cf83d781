"""Score scanner output against the labelled accuracy corpus.

    python benchmarks/accuracy/score.py RESULT [RESULT...] [--expected expected-corpus.csv]

RESULT is a SARIF 2.1.0 file (secsdlc, semgrep --sarif, any tool) or bandit's JSON report. A test
case counts as flagged when any result whose CWE matches the case's CWE (or a close relative, see
RELATED) lands in the case's file. Prints per-category TP/FN/FP/TN, TPR, FPR, Youden (TPR - FPR)
and the average Youden over categories, in the style of the OWASP Benchmark scorecard.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

# CWEs that name the same weakness at different granularity; tools pick different ones.
RELATED: list[set[int]] = [
    {77, 78, 88},
    {94, 95},
    {326, 327, 328, 916},
    {330, 338},
    {22, 23, 36, 73},
    {611, 776},
    {79, 80},
    {259, 321, 798},
    {390, 396, 703},
    {285, 617},
    {16, 489},
]
_CWE_RE = re.compile(r"CWE-(\d+)", re.IGNORECASE)


class ScoreError(Exception):
    pass


@dataclass(frozen=True)
class Expected:
    file: str
    category: str
    cwe: int
    vulnerable: bool


def related(cwe: int) -> set[int]:
    for group in RELATED:
        if cwe in group:
            return group
    return {cwe}


def load_expected(path: Path) -> list[Expected]:
    rows = []
    with path.open(newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["file", "category", "cwe", "vulnerable"]:
            raise ScoreError(f"{path}: header must be file,category,cwe,vulnerable")
        for n, row in enumerate(reader, start=2):
            m = _CWE_RE.fullmatch(row["cwe"].strip())
            if not m or row["vulnerable"] not in ("true", "false") or not row["file"]:
                raise ScoreError(f"{path}:{n}: bad row {row}")
            rows.append(Expected(row["file"], row["category"], int(m.group(1)),
                                 row["vulnerable"] == "true"))
    if not rows:
        raise ScoreError(f"{path}: no test cases")
    return rows


def _cwes_of(obj: object) -> set[int]:
    """Every CWE id mentioned anywhere in a (SARIF) JSON fragment."""
    found: set[int] = set()
    if isinstance(obj, str):
        found.update(int(m) for m in _CWE_RE.findall(obj))
        if obj.lower().startswith("external/cwe/cwe-"):
            found.add(int(obj.rsplit("-", 1)[1]))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if key in ("cwe", "issue_cwe") and isinstance(value, int):
                found.add(value)
            found |= _cwes_of(value)
    elif isinstance(obj, list):
        for value in obj:
            found |= _cwes_of(value)
    return found


def _is_info(result: dict[str, object]) -> bool:
    """secsdlc marks down-ranked (informational) results with severity "info"."""
    props = result.get("properties")
    return isinstance(props, dict) and props.get("severity") == "info"


def load_findings(path: Path, include_info: bool = False) -> list[tuple[str, set[int]]]:
    """(file path as reported, CWEs) for every result in a SARIF file or bandit JSON report.

    Results secsdlc lowered to severity "info" do not count unless include_info is set: they are
    the checks measured to flag mostly safe code, which the default configuration does not report
    as problems.
    """
    try:
        data = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise ScoreError(f"{path}: cannot read JSON: {e}") from e
    found: list[tuple[str, set[int]]] = []
    if isinstance(data, dict) and "runs" in data:
        for run in data["runs"]:
            rules = run.get("tool", {}).get("driver", {}).get("rules", [])
            by_id = {r.get("id"): r for r in rules}
            by_index = dict(enumerate(rules))
            for result in run.get("results", []):
                if not include_info and _is_info(result):
                    continue
                rule = by_id.get(result.get("ruleId")) or by_index.get(
                    result.get("ruleIndex", -1), {}
                )
                cwes = _cwes_of(result.get("properties", {})) | _cwes_of(rule.get("properties", {}))
                cwes |= _cwes_of(result.get("taxa", [])) | _cwes_of(rule.get("relationships", []))
                for loc in result.get("locations", []):
                    uri = loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
                    if uri:
                        found.append((uri, cwes))
    elif isinstance(data, dict) and "results" in data and "metrics" in data:
        for result in data["results"]:
            cwe = (result.get("issue_cwe") or {}).get("id")
            found.append((result["filename"], {int(cwe)} if cwe else set()))
    else:
        raise ScoreError(f"{path}: neither SARIF (no 'runs') nor a bandit JSON report")
    return found


def _match_file(reported: str, expected: str) -> bool:
    reported = reported.replace("\\", "/").removeprefix("file://")
    return reported == expected or reported.endswith("/" + expected)


def score(expected: list[Expected], findings: list[tuple[str, set[int]]]) -> dict[str, list[int]]:
    by_file: dict[str, set[int]] = defaultdict(set)
    for case in expected:
        by_file[case.file]
    index = {case.file: case for case in expected}
    for reported, cwes in findings:
        for name in index:
            if _match_file(reported, name):
                by_file[name] |= cwes
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # TP FN FP TN
    for case in expected:
        flagged = bool(by_file[case.file] & related(case.cwe))
        row = table[f"{case.category} (CWE-{case.cwe})"]
        if case.vulnerable:
            row[0 if flagged else 1] += 1
        else:
            row[2 if flagged else 3] += 1
    return dict(table)


def render(table: dict[str, list[int]]) -> tuple[str, float]:
    """The scorecard text and the average Youden.

    A category without vulnerable cases has no TPR, one without safe cases no FPR (a small
    held-aside split can leave either empty): its Youden is undefined, shown as n/a and left out
    of the average rather than counted as 0 or 1.
    """
    header = ("category", "TP", "FN", "FP", "TN", "TPR", "FPR", "Youden")
    lines = ["{:28} {:>4} {:>4} {:>4} {:>4} {:>6} {:>6} {:>7}".format(*header)]
    youdens = []
    totals = [0, 0, 0, 0]
    for name in sorted(table):
        tp, fn, fp, tn = table[name]
        totals = [a + b for a, b in zip(totals, table[name], strict=True)]
        tpr = f"{tp / (tp + fn):6.2f}" if tp + fn else "   n/a"
        fpr = f"{fp / (fp + tn):6.2f}" if fp + tn else "   n/a"
        if tp + fn and fp + tn:
            youden = tp / (tp + fn) - fp / (fp + tn)
            youdens.append(youden)
            shown = f"{youden:7.2f}"
        else:
            shown = "    n/a"
        lines.append(f"{name:28} {tp:4} {fn:4} {fp:4} {tn:4} {tpr} {fpr} {shown}")
    if not youdens:
        raise ScoreError("no category has both vulnerable and safe cases")
    average = sum(youdens) / len(youdens)
    tp, fn, fp, tn = totals
    lines.append(f"{'TOTAL':28} {tp:4} {fn:4} {fp:4} {tn:4}")
    skipped = len(table) - len(youdens)
    lines.append(f"average Youden over {len(youdens)} categories: {average:.3f}"
                 + (f" ({skipped} without both vulnerable and safe cases: n/a)" if skipped else ""))
    return "\n".join(lines), average


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="+", type=Path, help="SARIF or bandit JSON files")
    parser.add_argument("--expected", type=Path, default=HERE / "expected-corpus.csv",
                        help="expected-corpus.csv (default) or expected-holdout.csv")
    parser.add_argument("--include-info", action="store_true",
                        help="count results secsdlc down-ranked to severity info")
    args = parser.parse_args(argv)
    try:
        expected = load_expected(args.expected)
        findings = [f for path in args.results for f in load_findings(path, args.include_info)]
    except ScoreError as e:
        print(f"score: error: {e}", file=sys.stderr)
        return 2
    try:
        text, _ = render(score(expected, findings))
    except ScoreError as e:
        print(f"score: error: {e}", file=sys.stderr)
        return 2
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
