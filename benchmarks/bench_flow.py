"""Time secsdlc's taint analysis against bandit on the same tree, side by side, and its rescans.

    python benchmarks/bench_flow.py PATH [--runs 3]

PATH is typically Django 5.2.8's package directory (see DJANGO_HINT). Each round runs, one after
the other so that background load hits both alike:
- bandit over the tree (`bandit -r -f json -q`);
- `secsdlc scan --scanners taint --no-cache` (the analysis cold, with secsdlc's start-up and file
  collection), its peak memory read from the child's resource usage;
then, on a copy of the tree with a cache of its own: a warm rescan, and a rescan after appending a
comment to one file (`--touch`, default views/i18n.py). Prints every run, the medians and the
ratios; the targets are the analysis at most bandit's time, peak memory under 1 GB, and a rescan
after one change within 3 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import BIN, DJANGO_HINT, OFFLINE, fmt, run_cpu


def _scan(path: Path, cache: Path | None) -> tuple[float, float, float]:
    """Wall time and CPU time (user + system) of one taint-only scan in a child process, and
    the peak memory (MB) of the children so far (the first call, made before bandit runs,
    measures the scan alone)."""
    env = {**OFFLINE}
    cmd = [str(BIN / "secsdlc"), "scan", str(path), "--scanners", "taint", "--format", "json"]
    if cache is None:
        cmd.append("--no-cache")
    else:
        env["SECSDLC_CACHE_DIR"] = str(cache)
    wall, cpu = run_cpu(cmd, env=env)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, cpu, peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--touch", default="views/i18n.py",
                        help="file (relative to PATH) changed before the incremental rescan")
    args = parser.parse_args(argv)
    if not args.path.is_dir():
        print(f"bench_flow: {args.path}: not a directory; {DJANGO_HINT}", file=sys.stderr)
        return 2
    files = sum(1 for _ in args.path.rglob("*.py"))
    bandit: list[tuple[float, float]] = []
    first, first_cpu, peak = _scan(args.path, None)
    taint: list[tuple[float, float]] = [(first, first_cpu)]
    for i in range(args.runs):
        bandit.append(run_cpu([str(BIN / "bandit"), "-r", "-f", "json", "-q", str(args.path)],
                              ok=(0, 1)))
        if i:
            taint.append(_scan(args.path, None)[:2])
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / args.path.name
        shutil.copytree(args.path, tree)
        cache = Path(tmp) / "cache"
        _scan(tree, cache)  # fills the cache
        warm = [_scan(tree, cache)[:2] for _ in range(args.runs)]
        target = tree / args.touch

        def change_one() -> tuple[float, float]:
            with target.open("a", encoding="utf-8") as fh:
                fh.write(f"\n# {time.time_ns()}\n")
            return _scan(tree, cache)[:2]

        one = [change_one() for _ in range(args.runs)]
    print(f"{args.path} ({files} .py files), {args.runs} runs, cores: {os.cpu_count()}; "
          f"medians, wall time then CPU time (user + system)")
    b_wall, b_cpu = _medians(bandit)
    t_wall, t_cpu = _medians(taint)
    print(f"  bandit                      {_line(bandit)}")
    print(f"  taint analysis, cold        {_line(taint)}")
    print(f"      ratio to bandit: wall {t_wall / b_wall:.2f}x, CPU {t_cpu / b_cpu:.2f}x")
    print(f"  peak memory of the scan     {peak:7.0f} MB")
    print(f"  warm rescan                 {_line(warm)}")
    print(f"  rescan after editing {args.touch}: {_line(one)}")
    return 0


def _medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return (statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples))


def _line(samples: list[tuple[float, float]]) -> str:
    wall, cpu = _medians(samples)
    return (f"{wall:7.2f} s [{fmt([w for w, _ in samples])}]   CPU {cpu:6.2f} s "
            f"[{fmt([c for _, c in samples])}]")


if __name__ == "__main__":
    sys.exit(main())
