"""Measure each rule's precision on the labelled corpora and the clean projects' triage.

    python benchmarks/rule_precision.py [--triage FILE] [--write | --check]

Scans benchmarks/accuracy/corpus and holdout with `secsdlc scan` (default configuration). Every
rule of the pack, every bandit check and every secrets rule that reports a finding is measured;
a result merged from several tools counts for each of their rules. A finding in a case's file is
true when the case is vulnerable and its CWE is the rule's (or a close relative, as score.py
counts them), false otherwise; findings secsdlc reported at info (proven harmless by the taint
analysis, or judged by context) are not reported problems and do not count, as in score.py.
Every blocking finding triaged in benchmarks/noise-triage.csv counts too (true or by design:
true; false: false). Precision bands, as GitHub code scanning names them: very-high >= 0.90,
high >= 0.75, medium >= 0.50, low below; a rule with fewer than 3 findings is not measured and
stays medium. `--write` stores the band and the measurement in each pack rule's metadata
(`precision`, `precision-measured`) and, for bandit and the secrets scanner, in
secsdlc/measured-precision.json; `--check` exits 1 when they differ from the measurement.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from _common import BIN, OFFLINE

HERE = Path(__file__).resolve().parent
ACCURACY = HERE / "accuracy"
RULES = HERE.parent / "rules"
TABLE = HERE.parent / "secsdlc" / "measured-precision.json"
TRIAGE = HERE / "noise-triage.csv"
sys.path.insert(0, str(ACCURACY))
from score import load_expected, related  # noqa: E402

MIN_FINDINGS = 3


def band(true: int, false: int) -> str:
    total = true + false
    if total < MIN_FINDINGS:
        return "medium"
    share = true / total
    if share >= 0.90:
        return "very-high"
    if share >= 0.75:
        return "high"
    return "medium" if share >= 0.50 else "low"


def pack_rules() -> dict[str, tuple[Path, set[int]]]:
    found = {}
    for path in sorted(RULES.rglob("*.yaml")):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
            cwes = {int(m) for entry in rule["metadata"]["cwe"]
                    for m in re.findall(r"CWE-(\d+)", entry)}
            found[rule["id"]] = (path, cwes)
    return found


def other_tool(rule_id: str) -> str | None:
    """The scanner a rule of the precision table belongs to; None for the pack and the rest."""
    if re.fullmatch(r"B\d{3}", rule_id):
        return "bandit"
    return "secrets" if rule_id.startswith("secsdlc.secrets.") else None


def corpus_counts(rules: dict[str, tuple[Path, set[int]]]) -> Counter[tuple[str, bool]]:
    counts: Counter[tuple[str, bool]] = Counter()
    for name in ("corpus", "holdout"):
        expected = {case.file: case for case in load_expected(ACCURACY / f"expected-{name}.csv")}
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "scan.json"
            proc = subprocess.run([str(BIN / "secsdlc"), "scan", str(ACCURACY / name),
                                   "--root", str(ACCURACY / name), "--format", "json",
                                   "-o", str(out)], env=OFFLINE, capture_output=True, text=True)
            if proc.returncode not in (0, 1):
                raise SystemExit(f"scan of {name} failed: {proc.stderr.strip()[-600:]}")
            findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
        for f in findings:
            case = expected.get(f["path"])
            if case is None or f["severity"] == "info":
                continue
            # bandit's and the secrets scanner's own CWEs are in the merged finding's
            own = {int(c.removeprefix("CWE-")) for c in f["cwe"]}
            for rule_id in (f["rule"], *f["relatedRules"]):
                if rule_id in rules or other_tool(rule_id):
                    cwes = rules[rule_id][1] if rule_id in rules else own
                    true = case.vulnerable and bool(related(case.cwe) & cwes)
                    counts[(rule_id, true)] += 1
    return counts


def triage_counts(path: Path) -> Counter[tuple[str, bool]]:
    counts: Counter[tuple[str, bool]] = Counter()
    if path.is_file():
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                counts[(row["rule"], row["verdict"] != "false")] += 1
    return counts


def set_metadata(path: Path, rule_id: str, level: str, measured: str) -> None:
    """Rewrite the two precision lines of one rule in place (the rest of the file untouched)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {rule_id}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("- id: ")),
               len(lines))
    block = [line for line in lines[start:end]
             if not line.startswith(("    precision:", "    precision-measured:"))]
    at = next(i for i, line in enumerate(block) if line.startswith("    confidence:"))
    block[at:at] = [f"    precision: {level}\n", f"    precision-measured: '{measured}'\n"]
    lines[start:end] = block
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triage", type=Path, default=TRIAGE)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="store the measurement in the rules")
    mode.add_argument("--check", action="store_true", help="exit 1 if the rules disagree")
    args = parser.parse_args(argv)
    rules = pack_rules()
    counts = corpus_counts(rules) + triage_counts(args.triage)
    table: dict[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
    measured_table: dict[str, dict[str, dict[str, str]]] = {"bandit": {}, "secrets": {}}
    others = sorted({rule_id for rule_id, _ in counts if other_tool(rule_id)})
    differ = 0
    print(f"{'rule':<58} {'true':>5} {'false':>5} {'precision':>9}  band       recorded")
    for rule_id in [*sorted(rules), *others]:
        true, false = counts[(rule_id, True)], counts[(rule_id, False)]
        level = band(true, false)
        share = f"{true / (true + false):.2f}" if true + false else "n/a"
        measured = f"{share} ({true}/{true + false})"
        tool = other_tool(rule_id)
        if tool is None:
            path = rules[rule_id][0]
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            current = next(r for r in doc["rules"] if r["id"] == rule_id)["metadata"].get(
                "precision", "")
            if args.write:
                set_metadata(path, rule_id, level, measured)
        else:
            current = table.get(tool, {}).get(rule_id, {}).get("precision", "")
            measured_table[tool][rule_id] = {"precision": level, "measured": measured}
        if current != level:
            differ += 1
        print(f"{rule_id:<58} {true:>5} {false:>5} {share:>9}  {level:<10} {current}")
    if args.write:
        TABLE.write_text(json.dumps(measured_table, indent=2, sort_keys=True) + "\n",
                         encoding="utf-8")
    elif {k: set(v) for k, v in table.items()} != {k: set(v) for k, v in measured_table.items()}:
        differ += 1  # a rule measured now and not recorded, or recorded and no longer firing
    if args.check and differ:
        print(f"{differ} rule(s) carry a precision other than the measured one")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
