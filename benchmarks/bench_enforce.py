"""Enforce mode against advisory mode, on the pre-commit hook and on a whole-tree scan (goal: at
most 10% more).

    python benchmarks/bench_enforce.py DJANGO_TREE [--runs 3] [--skip-hook | --skip-full]

1. The pre-commit hook (`secsdlc scan --staged` on a commit touching 3 Python files), with a cold
   cache and with a warm one (the base versions scanned by earlier commits, the staged content
   new), in each mode.
2. The whole tree, cold and warm (unchanged), in each mode.

Both modes run on a developer's machine: no CI variable is set, and the per-user cache key lives
in a configuration directory made for the benchmark. The modes alternate which goes first in each
round, so a trend in the machine's load weighs on both. Wall and CPU times (user + system of
secsdlc and the tools it runs) are medians; on a shared machine the CPU time is the steadier.

Django's package holds a file a scanner that should read it does not (`UNSCANNABLE`: the
`manage.py-tpl` template, a Python script semgrep skips by its name): enforce mode fails the gate
on it (exit 2), so both modes are given the job's own configuration, a file outside the tree named
with `--config` (trusted as it is in enforce mode) that excludes it. Both modes then scan the
same files and each run must exit 0 or 1.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import BIN, DJANGO_HINT, SCANNERS, developer_env, django_checkout, fmt, git, run_cpu

MODES = ("advisory", "enforce")
# in Django's package: files a scanner should read and does not, each an error in enforce mode
UNSCANNABLE = ("conf/project_template/manage.py-tpl",)


class Samples:
    def __init__(self) -> None:
        self.wall: dict[tuple[str, str], list[float]] = {}
        self.cpu: dict[tuple[str, str], list[float]] = {}

    def add(self, case: str, mode: str, wall: float, cpu: float) -> None:
        self.wall.setdefault((case, mode), []).append(wall)
        self.cpu.setdefault((case, mode), []).append(cpu)

    def report(self, case: str) -> None:
        medians = {}
        for mode in MODES:
            wall, cpu = self.wall[(case, mode)], self.cpu[(case, mode)]
            medians[mode] = (statistics.median(wall), statistics.median(cpu))
            print(f"{case + ', ' + mode + ':':<32} wall {medians[mode][0]:6.2f} s [{fmt(wall)}]  "
                  f"CPU {medians[mode][1]:6.2f} s [{fmt(cpu)}]")
        (aw, ac), (ew, ec) = medians["advisory"], medians["enforce"]
        print(f"{'  enforce over advisory:':<32} wall {(ew / aw - 1) * 100:+.1f}%  "
              f"CPU {(ec / ac - 1) * 100:+.1f}%  (goal <= +10%)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tree", type=Path, help=f"Django's tree or its package ({DJANGO_HINT})")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-hook", action="store_true", help="time the whole tree only")
    parser.add_argument("--skip-full", action="store_true", help="time the hook only")
    args = parser.parse_args()
    checkout = django_checkout(args.tree, "bench-enforce-")
    work, tree, touched = checkout.work, checkout.tree, checkout.touched
    cache = work / "cache"
    env = developer_env(cache, work / "config")
    job_config = work / "job.toml"
    job_config.write_text("exclude = " + json.dumps([checkout.package + rel
                                                     for rel in UNSCANNABLE]) + "\n")
    base = [str(BIN / "secsdlc"), "scan", "--scanners", SCANNERS, "--no-progress",
            "--config", str(job_config), "--format", "json", "-o", str(work / "out.json")]
    flags = {"advisory": [], "enforce": ["--enforce"]}
    samples = Samples()
    edits = 0

    def hook(mode: str) -> None:
        nonlocal edits
        cmd = [*base, *flags[mode], "--staged", *touched]
        shutil.rmtree(cache, ignore_errors=True)
        samples.add("hook, cold cache", mode, *run_cpu(cmd, cwd=tree, env=env))
        edits += 1
        with (tree / touched[0]).open("a") as fh:
            fh.write(f"\n# edit {edits}\n")
        git(tree, "add", touched[0])
        samples.add("hook, warm base cache", mode, *run_cpu(cmd, cwd=tree, env=env))

    def full(mode: str) -> None:
        cmd = [*base, *flags[mode], str(tree)]
        shutil.rmtree(cache, ignore_errors=True)
        samples.add("full tree, cold", mode, *run_cpu(cmd, env=env))
        samples.add("full tree, warm", mode, *run_cpu(cmd, env=env))

    parts: list[tuple[Callable[[str], None], tuple[str, ...]]] = []
    if not args.skip_hook:
        parts.append((hook, ("hook, cold cache", "hook, warm base cache")))
    if not args.skip_full:
        parts.append((full, ("full tree, cold", "full tree, warm")))
    for fn, cases in parts:
        for i in range(args.runs):
            for mode in (MODES if i % 2 == 0 else MODES[::-1]):
                fn(mode)
        for case in cases:
            samples.report(case)
        sys.stdout.flush()
    checkout.remove()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
