"""The developer loop's figures, side by side in one run (issue: developer loop).

    python benchmarks/bench_devloop.py DJANGO_TREE [--runs 3]

1. pre-commit hook on a commit touching 3 Python files, against semgrep alone on those 3 files
   (goal <= 1.3x). The hook is `secsdlc scan --staged` as .pre-commit-hooks.yaml runs it; both a
   cold cache and a warm one (the usual case: the base versions were scanned by earlier commits).
   semgrep alone is timed both as users run it by hand (`semgrep scan`, its Python command line)
   and with the native command line secsdlc uses (`semgrep scan --experimental`).
2. Warm rescan of the unchanged tree against the cold scan (goal <= 0.05x).
3. Rescan after changing one file (goal <= 3 s).

Enforce mode against advisory mode, on the hook and the whole tree: bench_enforce.py.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    BIN,
    DJANGO_HINT,
    SCANNERS,
    developer_env,
    django_checkout,
    fmt,
    git,
    run,
    run_cpu,
)

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tree", type=Path, help=f"Django's tree or its package ({DJANGO_HINT})")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    checkout = django_checkout(args.tree, "bench-devloop-")
    work, tree, touched = checkout.work, checkout.tree, list(checkout.touched)
    cache = work / "cache"
    env = developer_env(cache, work / "config")
    secsdlc = [str(BIN / "secsdlc"), "scan", "--scanners", SCANNERS, "--no-progress",
               "--format", "json", "-o", str(work / "out.json")]

    # 1. the commit hook
    semgrep = [str(BIN / "semgrep"), "scan", "--metrics=off", "--disable-version-check",
               "--json", "--quiet", "--config", str(REPO / "rules"), "--", *touched]
    native = [*semgrep[:2], "--experimental", *semgrep[2:]]
    hook = [*secsdlc, "--staged", *touched]
    alone, alone_native, cold, warm = [], [], [], []
    for _ in range(args.runs):
        alone.append(run(semgrep, cwd=tree))
        alone_native.append(run(native, cwd=tree))
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(run(hook, cwd=tree, env=env))
        # warm: the base versions are cached (earlier commits), the staged content is new
        with (tree / touched[0]).open("a") as fh:
            fh.write("\n# edited again\n")
        git(tree, "add", touched[0])
        warm.append(run(hook, cwd=tree, env=env))
    m_alone, m_native, m_cold, m_warm = (statistics.median(x)
                                         for x in (alone, alone_native, cold, warm))
    print(f"semgrep alone on 3 files:        median {m_alone:.2f} s  [{fmt(alone)}]")
    print(f"  --experimental (native CLI):   median {m_native:.2f} s  [{fmt(alone_native)}]")
    for label, times, m in (("cold cache", cold, m_cold), ("warm base cache", warm, m_warm)):
        print(f"hook --staged, {label + ':':<17} median {m:.2f} s  [{fmt(times)}]  "
              f"ratio {m / m_alone:.2f} to semgrep, {m / m_native:.2f} to its native CLI  "
              "(goal <= 1.3)")

    # 2. cold vs warm full scans, 3. one changed file
    full = [*secsdlc, str(tree)]
    colds, warms, ones = [], [], []
    # CPU time (user + system) of each: on a loaded machine wall times follow the load
    cpu: dict[str, list[float]] = {"cold": [], "warm": [], "one": []}
    for i in range(args.runs):
        shutil.rmtree(cache, ignore_errors=True)
        for label, times in (("cold", colds), ("warm", warms)):
            wall, used = run_cpu(full, env=env)
            times.append(wall)
            cpu[label].append(used)
        with (tree / checkout.package / "utils" / "text.py").open("a") as fh:
            fh.write(f"\n\ndef _bench_change_{i}():\n    return {i}\n")
        wall, used = run_cpu(full, env=env)
        ones.append(wall)
        cpu["one"].append(used)
    m_c, m_w, m_1 = (statistics.median(x) for x in (colds, warms, ones))

    def cpu_of(label: str) -> str:
        return f"CPU {statistics.median(cpu[label]):.2f} s [{fmt(cpu[label])}]"

    print(f"full scan, cold:                 median {m_c:.2f} s  [{fmt(colds)}]  {cpu_of('cold')}")
    print(f"full scan, warm (unchanged):     median {m_w:.2f} s  [{fmt(warms)}]  "
          f"ratio {m_w / m_c:.3f}  (goal <= 0.05)  {cpu_of('warm')}")
    print(f"rescan after changing one file:  median {m_1:.2f} s  [{fmt(ones)}]  (goal <= 3 s)  "
          f"{cpu_of('one')}")
    checkout.remove()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
