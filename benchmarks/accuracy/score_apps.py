"""Score scanner output against a labelled "apps" corpus (multi-module applications).

    python benchmarks/accuracy/score_apps.py RESULT [RESULT...] --expected expected-apps.csv

Each case names its entry function (file and qualified name) and its sink (file:line). A result
counts for a case when its CWE matches the case's (or a close relative) and either its location
lies inside the entry function, or it lies on the case's sink line and, when it carries a
source-to-sink path (SARIF codeFlows), that path passes through the entry function. A result
without a path on a sink shared by several cases counts for all of them: a tool that cannot tell
the callers apart is charged for the safe ones too. Results at severity info do not count.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from score import ScoreError, _cwes_of, _is_info, related, render

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Case:
    case: str
    category: str
    cwe: int
    vulnerable: bool
    file: str
    function: str
    sink_file: str
    sink_line: int


@dataclass(frozen=True)
class Result:
    uri: str
    line: int
    cwes: frozenset[int]
    flow: tuple[tuple[str, int], ...]


def load_cases(path: Path) -> list[Case]:
    cases = []
    with path.open(newline="") as fh:
        reader = csv.DictReader(fh)
        want = ["case", "category", "cwe", "vulnerable", "file", "function", "sink"]
        if reader.fieldnames != want:
            raise ScoreError(f"{path}: header must be {','.join(want)}")
        for n, row in enumerate(reader, start=2):
            try:
                sink_file, sink_line = row["sink"].rsplit(":", 1)
                cases.append(Case(row["case"], row["category"],
                                  int(row["cwe"].upper().removeprefix("CWE-")),
                                  row["vulnerable"] == "true", row["file"], row["function"],
                                  sink_file, int(sink_line)))
            except (ValueError, KeyError) as e:
                raise ScoreError(f"{path}:{n}: bad row {row}: {e}") from e
    return cases


def function_ranges(corpus: Path, cases: list[Case]) -> dict[tuple[str, str], tuple[int, int]]:
    ranges: dict[tuple[str, str], tuple[int, int]] = {}
    for file in {c.file for c in cases}:
        try:
            tree = ast.parse((corpus / file).read_text(encoding="utf-8"))
        except (OSError, SyntaxError) as e:
            raise ScoreError(f"{corpus / file}: {e}") from e

        def visit(body: list[ast.stmt], prefix: str, file: str = file) -> None:
            for node in body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    name = prefix + node.name
                    ranges[(file, name)] = (node.lineno, node.end_lineno or node.lineno)
                    visit(node.body, name + ".")

        visit(tree.body, "")
    for case in cases:
        if (case.file, case.function) not in ranges:
            raise ScoreError(f"case {case.case}: no function {case.function} in {case.file}")
    return ranges


def _rel(uri: str, corpus: Path) -> str:
    uri = uri.removeprefix("file://")
    marker = corpus.name + "/"
    return uri.split(marker, 1)[1] if marker in uri else uri


def load_results(path: Path, corpus: Path) -> list[Result]:
    try:
        data = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as e:
        raise ScoreError(f"{path}: cannot read JSON: {e}") from e
    results = []
    for run in data.get("runs", []):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        by_id = {r.get("id"): r for r in rules}
        for result in run.get("results", []):
            if _is_info(result):
                continue
            rule = by_id.get(result.get("ruleId"), {})
            cwes = _cwes_of(result.get("properties", {})) | _cwes_of(rule.get("properties", {}))
            flow = tuple(
                (_rel(loc["location"]["physicalLocation"]["artifactLocation"]["uri"], corpus),
                 loc["location"]["physicalLocation"]["region"]["startLine"])
                for cf in result.get("codeFlows", []) for tf in cf.get("threadFlows", [])
                for loc in tf.get("locations", []))
            for loc in result.get("locations", []):
                phys = loc.get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri")
                line = phys.get("region", {}).get("startLine", 0)
                if uri:
                    results.append(Result(_rel(uri, corpus), line, frozenset(cwes), flow))
    return results


def score(cases: list[Case], results: list[Result], corpus: Path) -> dict[str, list[int]]:
    ranges = function_ranges(corpus, cases)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])

    def inside(case: Case, file: str, line: int) -> bool:
        lo, hi = ranges[(case.file, case.function)]
        return file == case.file and lo <= line <= hi

    for case in cases:
        wanted = related(case.cwe)
        hit = False
        for r in results:
            if not r.cwes & wanted:
                continue
            if inside(case, r.uri, r.line):
                hit = True
            elif r.uri == case.sink_file and r.line == case.sink_line:
                hit = not r.flow or any(inside(case, f, n) for f, n in r.flow)
            if hit:
                break
        row = table[f"{case.category} (CWE-{case.cwe})"]
        if case.vulnerable:
            row[0 if hit else 1] += 1
        else:
            row[2 if hit else 3] += 1
    return dict(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="+", type=Path, help="SARIF files")
    parser.add_argument("--expected", type=Path, default=HERE / "expected-apps.csv")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="the corpus directory (default: apps/ or apps-holdout/ beside the "
                             "expected file)")
    args = parser.parse_args(argv)
    corpus = args.corpus or (HERE / ("apps-holdout" if "holdout" in args.expected.name
                                     else "apps"))
    try:
        cases = load_cases(args.expected)
        results = [r for path in args.results for r in load_results(path, corpus)]
        text, _ = render(score(cases, results, corpus))
    except ScoreError as e:
        print(f"score_apps: error: {e}", file=sys.stderr)
        return 2
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
