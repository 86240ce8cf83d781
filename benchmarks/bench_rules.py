"""Time semgrep with the full secsdlc rule pack against bandit on the same tree, side by side.

    python benchmarks/bench_rules.py PATH [--runs 3]

PATH is typically Django 5.2.8's source tree:
    pip download --no-deps --no-binary :all: django==5.2.8 && tar xzf django-5.2.8.tar.gz
    python benchmarks/bench_rules.py django-5.2.8/django

Each tool runs `--runs` times, alternating so that background load hits both alike; the script
prints every run, the medians and the ratio semgrep/bandit (the target is at most 4x). bandit runs
as one process (its only mode); semgrep runs three times per round: with its default parallelism,
with --jobs 1 (on small shared machines its worker processes compete for the same cores and the
default can be the slower of the two), and through its native command line (--experimental),
which is how secsdlc runs it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from secsdlc.process import run, which
from secsdlc.rules_path import rules_dir

OFFLINE = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}


def _time(cmd: list[str], ok_codes: tuple[int, ...]) -> float:
    start = time.perf_counter()
    rc, _out, err = run(cmd, timeout=3600, env=OFFLINE)
    elapsed = time.perf_counter() - start
    if rc not in ok_codes:
        raise SystemExit(f"{cmd[0]} failed with exit code {rc}: {err.strip()[-600:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="tree to scan, e.g. django-5.2.8/django")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.path.is_dir():
        parser.error(f"{args.path}: not a directory")
    semgrep, bandit = which("semgrep"), which("bandit")
    if semgrep is None or bandit is None:
        parser.error("semgrep and bandit must both be installed")
    n_files = sum(1 for _ in args.path.rglob("*.py"))
    n_rules = sum(1 for _ in rules_dir().rglob("*.yaml"))
    semgrep_cmd = [semgrep, "scan", "--metrics=off", "--disable-version-check", "--json",
                   "--quiet", "--config", str(rules_dir()), "-o", "/dev/null", str(args.path)]
    semgrep_j1_cmd = [*semgrep_cmd[:2], "--jobs", "1", *semgrep_cmd[2:]]
    native_cmd = [*semgrep_cmd[:2], "--experimental", *semgrep_cmd[2:]]
    bandit_cmd = [bandit, "-r", "-q", "-f", "json", "-o", "/dev/null", str(args.path)]
    print(f"{args.path}: {n_files} Python files; pack: {n_rules} rules; {args.runs} runs each")
    commands = {"bandit": bandit_cmd, "semgrep+pack": semgrep_cmd,
                "semgrep+pack --jobs 1": semgrep_j1_cmd,
                "semgrep+pack --experimental": native_cmd}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(args.runs):
        for name, cmd in commands.items():
            times[name].append(_time(cmd, (0, 1)))
        print(f"run {i + 1}: " + "   ".join(f"{n} {t[-1]:6.1f} s" for n, t in times.items()),
              flush=True)
    medians = {name: statistics.median(t) for name, t in times.items()}
    print("median: " + "   ".join(f"{n} {m:6.1f} s" for n, m in medians.items()))
    for name in ("semgrep+pack", "semgrep+pack --jobs 1", "semgrep+pack --experimental"):
        print(f"ratio {name} / bandit: {medians[name] / medians['bandit']:.2f}x (target <= 4x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
