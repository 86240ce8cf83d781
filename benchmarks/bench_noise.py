"""Blocking findings on clean code: six mature projects scanned with the default configuration.

    python benchmarks/bench_noise.py [--cache DIR] [--triage FILE] [--json OUT]

The sdists are pinned; each is read from the cache directory (default: a temporary one) or
downloaded into it with `pip download --no-deps --no-binary :all: NAME==VERSION`, unpacked there,
and its package directory is scanned with `secsdlc scan` and no configuration of the project's.
The script prints the blocking findings (high or critical, not suppressed) per project and per
rule, findings per 10,000 lines, how many findings the policy's scopes for test code lowered or
left out (SQLAlchemy ships its dialect test suite), and compares every blocking finding with the
triage file
(benchmarks/noise-triage.csv: project, path, line, rule, verdict, why; several findings of one
rule on one line share a row). Exit 1 when a blocking
finding is not in the triage file or a triaged one is no longer reported, so that a change in
what blocks on clean code is noticed; exit 0 when they agree.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import BIN, OFFLINE

TRIAGE = Path(__file__).with_name("noise-triage.csv")
BLOCKING = frozenset({"high", "critical"})
VERDICTS = frozenset({"true", "false", "by design"})


@dataclass(frozen=True)
class Project:
    name: str
    version: str
    package: str  # the scanned directory inside the unpacked sdist

    @property
    def sdist(self) -> str:
        return f"{self.name}-{self.version}.tar.gz"


PROJECTS = (
    Project("django", "5.2.8", "django"),
    Project("sqlalchemy", "2.0.44", "lib/sqlalchemy"),
    Project("jinja2", "3.1.6", "src/jinja2"),
    Project("werkzeug", "3.1.3", "src/werkzeug"),
    Project("requests", "2.32.5", "src/requests"),
    Project("flask", "3.1.2", "src/flask"),
)


def fetch(project: Project, cache: Path) -> Path:
    """The unpacked sdist's directory, downloading and unpacking what the cache lacks."""
    archive = cache / project.sdist
    if not archive.is_file():
        cmd = [str(BIN / "pip"), "download", "-q", "--no-deps", "--no-binary", ":all:",
               f"{project.name}=={project.version}", "-d", str(cache)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0 or not archive.is_file():
            raise SystemExit(f"{project.sdist}: download failed: {proc.stderr.strip()[-400:]}")
    tree = cache / "src" / f"{project.name}-{project.version}"
    if not tree.is_dir():
        with tarfile.open(archive) as tar:
            tar.extractall(cache / "src", filter="data")
    if not (tree / project.package).is_dir():
        raise SystemExit(f"{archive}: no {project.package}/ in the unpacked sdist")
    return tree


def scan(tree: Path, package: str) -> tuple[dict[str, Any], float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [str(BIN / "secsdlc"), "scan", "--root", str(tree), "--format", "json",
               "-o", str(out), str(tree / package)]
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=tmp, env=OFFLINE, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"secsdlc scan {tree / package} exited {proc.returncode}: "
                             f"{proc.stderr.strip()[-1000:]}")
        doc: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return doc, elapsed


_LEFT_OUT = re.compile(r"^(\d+) finding\(s\) not reported under the policy scope")


def scoped(doc: dict[str, Any]) -> tuple[int, int]:
    """(findings the policy's scopes lowered, findings they left out of the report)."""
    lowered = sum(1 for f in doc["findings"] if "scoped" in f["properties"])
    left_out = sum(int(m.group(1)) for n in doc["notifications"]
                   if (m := _LEFT_OUT.match(n["message"])))
    return lowered, left_out


def python_lines(directory: Path) -> int:
    return sum(len(p.read_bytes().splitlines()) for p in directory.rglob("*.py"))


def blocking(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in doc["findings"]
            if f["severity"] in BLOCKING and not f["suppressed"]]


Key = tuple[str, str, int, str]


def read_triage(path: Path) -> dict[Key, tuple[str, str]]:
    rows: dict[Key, tuple[str, str]] = {}
    if not path.is_file():
        return rows
    with path.open(newline="", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            verdict = (row.get("verdict") or "").strip()
            if verdict not in VERDICTS or not (row.get("why") or "").strip():
                raise SystemExit(f"{path}:{n}: verdict must be one of {sorted(VERDICTS)}, "
                                 f"with a reason in 'why'")
            key = (row["project"], row["path"], int(row["line"]), row["rule"])
            rows[key] = (verdict, row["why"].strip())
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="directory holding (or receiving) the sdists")
    parser.add_argument("--triage", type=Path, default=TRIAGE)
    parser.add_argument("--json", type=Path, help="write the blocking findings here as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        return run(cache, args.triage, args.json)


def run(cache: Path, triage_path: Path, json_out: Path | None) -> int:
    triage = read_triage(triage_path)
    per_rule: Counter[str] = Counter()
    found: dict[Key, dict[str, Any]] = {}
    total_lines = total_all = total_blocking = total_lowered = total_left_out = 0
    total_time = 0.0
    print(f"{'project':<22} {'files':>6} {'lines':>8} {'all':>5} {'blocking':>8} "
          f"{'all/10k':>8} {'block/10k':>9} {'scoped':>9} {'scan s':>7}  blocking by rule")
    for project in PROJECTS:
        tree = fetch(project, cache)
        doc, elapsed = scan(tree, project.package)
        lines = python_lines(tree / project.package)
        files = sum(1 for _ in (tree / project.package).rglob("*.py"))
        block = blocking(doc)
        rules = Counter(f["rule"] for f in block)
        per_rule.update(rules)
        for f in block:
            found[(project.name, f["path"], int(f["startLine"]), f["rule"])] = f
        total_lines += lines
        total_all += len(doc["findings"])
        total_blocking += len(block)
        total_time += elapsed
        lowered, left_out = scoped(doc)
        total_lowered += lowered
        total_left_out += left_out
        label = f"{project.name} {project.version}"
        print(f"{label:<22} {files:>6} {lines:>8} {len(doc['findings']):>5} {len(block):>8} "
              f"{len(doc['findings']) * 1e4 / lines:>8.1f} {len(block) * 1e4 / lines:>9.2f} "
              f"{f'{lowered}/{left_out}':>9} {elapsed:>7.1f}  "
              + ", ".join(f"{r} {n}" for r, n in rules.most_common()))
    print(f"{'total':<22} {'':>6} {total_lines:>8} {total_all:>5} {total_blocking:>8} "
          f"{total_all * 1e4 / total_lines:>8.1f} {total_blocking * 1e4 / total_lines:>9.2f} "
          f"{f'{total_lowered}/{total_left_out}':>9} {total_time:>7.1f}")
    print("(scoped: findings in test code lowered / left out by the policy's scopes)")
    print("\nblocking findings per rule:")
    for rule, n in per_rule.most_common():
        print(f"  {n:>3}  {rule}")
    verdicts = Counter(triage[k][0] for k in found if k in triage)
    new = sorted(k for k in found if k not in triage)
    gone = sorted(k for k in triage if k not in found)
    print("\ntriage: " + (", ".join(f"{v} {n}" for v, n in sorted(verdicts.items())) or "none"))
    for key in new:
        f = found[key]
        print(f"  NEW  {key[0]} {key[1]}:{key[2]} {key[3]} ({f['severity']}): "
              f"{f['message'][:120]}")
    for key in gone:
        print(f"  GONE {key[0]} {key[1]}:{key[2]} {key[3]} (triaged {triage[key][0]})")
    if json_out is not None:
        rows = [{"project": k[0], "path": k[1], "line": k[2], "rule": k[3],
                 "severity": f["severity"], "message": f["message"], "snippet": f["snippet"]}
                for k, f in sorted(found.items())]
        json_out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 1 if new or gone else 0


if __name__ == "__main__":
    sys.exit(main())
