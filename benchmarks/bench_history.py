"""Benchmark the history store: `secsdlc trends` over 1,000 scans / 100,000 findings on SQLite, and
recording one 5,000-result SARIF. Targets: trends <= 1 s, record <= 2 s.

    /work/venv/bin/python benchmarks/bench_history.py [--scans 1000] [--per-scan 100] [--runs 5]

Each figure is the median of --runs runs of the real command line (a new process each time, so
interpreter start-up and imports are included). Baselines measured in the same run, side by side:
the bare interpreter start-up with the same imports, and the least SQL any trends must do (one
GROUP BY over all occurrences in the sqlite3 module), and for recording json.load of the same file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

# The real dispatcher, every command registered, as users run it.
DISPATCH = "import sys; from secsdlc import cli; sys.exit(cli.main(sys.argv[1:]))"
IMPORTS_ONLY = "import secsdlc.cli, secsdlc.history.store, secsdlc.history.metrics, secsdlc.config"


def result(fp: str, severity: str, i: int) -> dict[str, Any]:
    return {
        "ruleId": f"rule-{i % 40}",
        "level": "error",
        "message": {"text": f"finding {fp}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": f"src/mod{i % 200}.py", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 1 + i % 500, "snippet": {"text": f"call_{i}()"}},
                }
            }
        ],
        "partialFingerprints": {"secsdlc/v1": fp},
        "properties": {
            "severity": severity,
            "cwe": [[89, 79, 327, 22, 502][i % 5]],
            "owasp": [],
            "scanners": ["semgrep"],
        },
    }


def sarif(results: list[dict[str, Any]], when: datetime) -> dict[str, Any]:
    return {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "semgrep", "rules": []}},
                "invocations": [
                    {"executionSuccessful": True, "startTimeUtc": when.isoformat() + "Z"}
                ],
                "results": results,
            }
        ],
    }


def populate(url: str, scans: int, per_scan: int, projects: int) -> float:
    """Record `scans` scans through the store, with churn: each scan fixes and adds a few."""
    from secsdlc.history.sarif_import import parse_bytes
    from secsdlc.history.store import HistoryStore

    rng = random.Random(7)
    severities = ["critical", "high", "high", "medium", "medium", "medium", "low", "low", "info"]
    start = time.perf_counter()
    with HistoryStore.open(url) as store:
        pools = {p: [f"p{p}-f{i}" for i in range(per_scan)] for p in range(projects)}
        counters = {p: per_scan for p in range(projects)}
        t0 = datetime(2024, 1, 1)
        for n in range(scans):
            p = n % projects
            pool = pools[p]
            for _ in range(rng.randint(0, 6)):  # fixed ones leave, new ones arrive
                pool.pop(rng.randrange(len(pool)))
                pool.append(f"p{p}-f{counters[p]}")
                counters[p] += 1
            when = t0 + timedelta(hours=12 * n)
            results = [
                result(fp, severities[int(fp.rsplit("f", 1)[1]) % len(severities)], i)
                for i, fp in enumerate(pool)
            ]
            raw = json.dumps(sarif(results, when)).encode()
            store.record(
                parse_bytes(raw, source=f"s{n}.sarif"),
                project=f"project-{p}",
                commit=f"{n:040x}",
                branch="main",
                scanned_at=when,
            )
    print(f"populated {scans} scans of {projects} projects in {time.perf_counter() - start:.1f} s")
    return time.perf_counter() - start


CPU: dict[str, float] = {}  # median CPU seconds (user + system) of each timed command


def timed(cmd: list[str], runs: int, label: str = "") -> float:
    """Median wall seconds; the median CPU seconds go to CPU[label] (less sensitive to load)."""
    samples, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        samples.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:4])}... failed: {proc.stderr[-500:]}")
    CPU[label] = statistics.median(cpu)
    return statistics.median(samples)


def timed_call(fn: Any, runs: int) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=1000)
    parser.add_argument("--per-scan", type=int, default=100)
    parser.add_argument("--projects", type=int, default=10)
    parser.add_argument("--big", type=int, default=5000, help="results in the SARIF to record")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="keep the database here (default: temp)")
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-history-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "history.db"
    url = f"sqlite:///{db}"
    if not db.exists():
        populate(url, args.scans, args.per_scan, args.projects)
    cli = [sys.executable, "-c", DISPATCH]

    trends_text = timed([*cli, "trends", "--db", url], args.runs, "trends (text)")
    trends_json = timed([*cli, "trends", "--db", url, "--format", "json"], args.runs, "json")
    startup = timed([sys.executable, "-c", IMPORTS_ONLY], args.runs, "startup")

    def floor_query() -> None:
        conn = sqlite3.connect(db)
        conn.execute(
            "SELECT o.scan_id, f.severity, count(*) FROM occurrences o "
            "JOIN findings f ON f.id = o.finding_id WHERE o.disposition = 'open' "
            "GROUP BY o.scan_id, f.severity"
        ).fetchall()
        conn.close()

    floor = timed_call(floor_query, args.runs)

    rng = random.Random(11)
    big_files = []
    for r in range(args.runs):
        results = [result(f"big-{r}-{i}", rng.choice(["high", "medium", "low"]), i)
                   for i in range(args.big)]
        path = work / f"big{r}.sarif"
        path.write_text(json.dumps(sarif(results, datetime(2026, 1, 1) + timedelta(days=r))))
        big_files.append(path)
    # Into a copy: the trends figures of the next run stay those of exactly --scans scans.
    copy = work / "history-record.db"
    shutil.copyfile(db, copy)
    for suffix in ("-wal", "-shm"):
        if Path(str(db) + suffix).exists():
            shutil.copyfile(str(db) + suffix, str(copy) + suffix)
    copy_url = f"sqlite:///{copy}"
    record_samples, record_cpu = [], []
    for path in big_files:  # a new SARIF each run: a re-record would be a no-op
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run(
            [*cli, "history", "record", str(path), "--project", "big", "--db", copy_url,
             "--commit", "0" * 40, "--branch", "main"],
            capture_output=True, text=True,
        )
        record_samples.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        record_cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            raise SystemExit(proc.stderr[-500:])
    record = statistics.median(record_samples)
    CPU["record"] = statistics.median(record_cpu)
    load = timed_call(lambda: json.loads(big_files[0].read_bytes()), args.runs)

    print()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"history DB: {db} ({db.stat().st_size / 1e6:.1f} MB), "
          f"{args.scans} scans x {args.per_scan} findings, median of {args.runs} runs")
    print(f"{'measure':<46}{'median s':>10}{'cpu s':>8}{'target s':>10}   ratio")
    rows = [
        ("secsdlc trends (text)", trends_text, CPU["trends (text)"], 1.0, trends_text / startup,
         "x start-up+imports"),
        ("secsdlc trends --format json", trends_json, CPU["json"], 1.0, trends_json / floor,
         "x bare GROUP BY"),
        (f"secsdlc history record ({args.big} results)", record, CPU["record"], 2.0,
         record / load, "x json.load"),
        ("baseline: python + imports", startup, CPU["startup"], None, None, ""),
        ("baseline: sqlite3 GROUP BY over occurrences", floor, None, None, None, ""),
        (f"baseline: json.load of {args.big}-result SARIF", load, None, None, None, ""),
    ]
    for name, value, cpu, target, ratio, unit in rows:
        target_s = f"{target:.1f}" if target else "-"
        cpu_s = f"{cpu:.3f}" if cpu is not None else "-"
        ratio_s = f"{ratio:.1f} {unit}" if ratio else ""
        verdict = "" if target is None else ("  ok" if value <= target else "  OVER")
        print(f"{name:<46}{value:>10.3f}{cpu_s:>8}{target_s:>10}   {ratio_s:<26}{verdict}")


if __name__ == "__main__":
    main()
