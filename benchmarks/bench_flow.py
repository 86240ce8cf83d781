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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import BIN, DJANGO_HINT, OFFLINE, fmt, run, timed_median


def _scan(path: Path, cache: Path | None) -> tuple[float, float]:
    """Wall time of one taint-only scan in a child process, and the peak memory (MB) of the
    children so far (the first call, made before bandit runs, measures the scan alone)."""
    env = {**OFFLINE}
    cmd = [str(BIN / "secsdlc"), "scan", str(path), "--scanners", "taint", "--format", "json"]
    if cache is None:
        cmd.append("--no-cache")
    else:
        env["SECSDLC_CACHE_DIR"] = str(cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"secsdlc failed ({proc.returncode}): {proc.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


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
    bandit: list[float] = []
    first, peak = _scan(args.path, None)
    taint: list[float] = [first]
    for i in range(args.runs):
        bandit.append(run([str(BIN / "bandit"), "-r", "-f", "json", "-q", str(args.path)],
                          ok=(0, 1)))
        if i:
            taint.append(_scan(args.path, None)[0])
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / args.path.name
        shutil.copytree(args.path, tree)
        cache = Path(tmp) / "cache"
        _scan(tree, cache)  # fills the cache
        warm, warm_runs = timed_median(args.runs, lambda: _scan(tree, cache))
        target = tree / args.touch

        def change_one() -> None:
            with target.open("a", encoding="utf-8") as fh:
                fh.write(f"\n# {time.time_ns()}\n")
            _scan(tree, cache)

        one, one_runs = timed_median(args.runs, change_one)
    bandit_med = sorted(bandit)[len(bandit) // 2]
    taint_med = sorted(taint)[len(taint) // 2]
    print(f"{args.path} ({files} .py files), {args.runs} runs, cores: {os.cpu_count()}")
    print(f"  bandit                      {bandit_med:7.2f} s   [{fmt(bandit)}]")
    print(f"  taint analysis, cold        {taint_med:7.2f} s   [{fmt(taint)}]   "
          f"ratio to bandit {taint_med / bandit_med:.2f}x")
    print(f"  peak memory of the scan     {peak:7.0f} MB")
    print(f"  warm rescan                 {warm:7.2f} s   [{fmt(warm_runs)}]")
    print(f"  rescan after editing {args.touch}: {one:.2f} s   [{fmt(one_runs)}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
