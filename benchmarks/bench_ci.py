"""Benchmark of `secsdlc ci github` on a pull request over a large tree (Django 5.2.8).

    python benchmarks/bench_ci.py [--tree DIR] [--changed N] [--runs N] [--full]

--tree     source tree to use (default ../bench/django-5.2.8; get it with
           `pip download --no-deps --no-binary :all: django==5.2.8` and unpack it)
--changed  files the simulated pull request modifies (default 10)
--full     also time a full scan of the tree's Python package against bandit -r (slow)

The tree is committed to a temporary git repository (branch main); a pull-request branch appends
a shell-injection function to N of its files. Each step runs in a subprocess, as in CI, and prints
the median of several runs side by side with the underlying tools in the same run: bandit and
detect-secrets over the changed files (what any diff-aware scan must at least pay), then
`secsdlc scan --diff-base` (both sides of the change in one scanner run each, classification,
gate), then `secsdlc ci github` (the same scan plus summary, annotations, outputs, upload SARIF).
Every run starts from an empty result cache, so every run scans.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from secsdlc.ci.outputs import parse_outputs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import timed_median

HERE = Path(__file__).resolve().parent
WORK = HERE.parent.parent
BIN = Path(sys.executable).parent
SCANNERS = "bandit,secrets"
INJECTED = ("\n\ndef _bench_injected(cmd):\n    import subprocess\n"
            "    return subprocess.call(cmd, shell=True)\n")


def sh(cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None,
       ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(list(cmd), cwd=cwd, env={**os.environ, **(env or {})},
                          capture_output=True, text=True)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd[:4])}... exited {proc.returncode}: {proc.stderr[-800:]}")
    return proc


def make_repo(tree: Path, dest: Path, changed: int) -> tuple[str, str, list[str]]:
    shutil.copytree(tree, dest, ignore=shutil.ignore_patterns("*.pyc", "__pycache__"))
    git_env = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@e", "GIT_COMMITTER_NAME": "b",
               "GIT_COMMITTER_EMAIL": "b@e"}
    sh(["git", "init", "-q", "-b", "main"], dest)
    sh(["git", "add", "-A"], dest)
    sh(["git", "commit", "-q", "-m", "base"], dest, git_env)
    base = sh(["git", "rev-parse", "HEAD"], dest).stdout.strip()
    sh(["git", "checkout", "-q", "-b", "feature"], dest)
    candidates = sorted(p for p in dest.rglob("*.py") if "/tests/" not in p.as_posix())
    step = max(len(candidates) // changed, 1)
    files = [p for p in candidates[::step]][:changed]
    for p in files:
        with p.open("a", encoding="utf-8") as fh:
            fh.write(INJECTED)
    sh(["git", "commit", "-q", "-am", "pull request"], dest, git_env)
    head = sh(["git", "rev-parse", "HEAD"], dest).stdout.strip()
    return base, head, [p.relative_to(dest).as_posix() for p in files]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, default=WORK / "bench" / "django-5.2.8")
    ap.add_argument("--changed", type=int, default=10)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--full", action="store_true")
    args = ap.parse_args(argv)
    if not args.tree.is_dir():
        print(f"{args.tree}: not a directory (see --help for how to get Django)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="secsdlc-bench-ci-") as tmp_s:
        tmp = Path(tmp_s)
        repo = tmp / "repo"
        t0 = time.perf_counter()
        base, head, changed = make_repo(args.tree, repo, args.changed)
        setup = time.perf_counter() - t0
        event = tmp / "event.json"
        event.write_text(json.dumps({"pull_request": {
            "number": 1, "base": {"sha": base, "ref": "main"}, "head": {"sha": head}}}))
        env = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SECSDLC_CACHE_DIR": str(tmp / "cache"),
               "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": str(event),
               "GITHUB_WORKSPACE": str(repo), "GITHUB_REPOSITORY": "bench/django",
               "GITHUB_STEP_SUMMARY": str(tmp / "summary.md"),
               "GITHUB_OUTPUT": str(tmp / "output.txt"), "GITHUB_SHA": head}
        secsdlc = [sys.executable, "-m", "secsdlc"]

        def tools() -> None:
            sh([str(BIN / "bandit"), "-q", "-f", "json", "-o", str(tmp / "b.json"), *changed],
               repo, ok=(0, 1))
            sh([str(BIN / "detect-secrets"), "scan", *changed], repo)

        # both start from an empty result cache, so that each run scans and the ratio ci/scan
        # is the cost of the CI layer alone
        def scan() -> None:
            shutil.rmtree(tmp / "cache", ignore_errors=True)
            sh([*secsdlc, "scan", "--scanners", SCANNERS, "--diff-base", base,
                "--no-progress", "--format", "json", "-o", str(tmp / "s.json")], repo, env,
               ok=(1,))

        def ci() -> None:
            sh([*secsdlc, "ci", "github", "--scanners", SCANNERS, "--output-dir",
                str(tmp / "ci")], repo, env, ok=(1,))

        def ci_cold() -> None:
            shutil.rmtree(tmp / "cache", ignore_errors=True)
            ci()

        load = os.getloadavg()[0]
        print(f"tree {args.tree.name}: {sum(1 for _ in repo.rglob('*.py'))} Python files, "
              f"pull request changes {len(changed)}; setup {setup:.1f} s; runs {args.runs}; "
              f"load average {load:.2f} on {os.cpu_count()} CPUs")
        t_tools, r_tools = timed_median(args.runs, tools)
        t_scan, r_scan = timed_median(args.runs, scan)
        t_ci, r_ci = timed_median(args.runs, ci_cold)
        outputs = parse_outputs((tmp / "output.txt").read_text())  # the last run's values win
        print(f"{'step':58} {'median s':>9}  runs")
        rows = [("bandit + detect-secrets on the changed files (floor)", t_tools, r_tools),
                ("secsdlc scan --diff-base (both sides, classify, gate)", t_scan, r_scan),
                ("secsdlc ci github (scan + summary/annotations/upload)", t_ci, r_ci)]
        for name, t, r in rows:
            print(f"{name:58} {t:9.2f}  {' '.join(f'{x:.2f}' for x in r)}")
        print(f"ratios: scan/tools {t_scan / t_tools:.2f}x, ci/tools {t_ci / t_tools:.2f}x, "
              f"ci/scan {t_ci / t_scan:.2f}x")
        print("ci outputs: " + ", ".join(f"{k}={outputs[k]}" for k in (
            "gate", "new-findings", "blocking-findings", "high", "low")))

        if args.full:
            pkg = next((d for d in ("django", "src") if (repo / d).is_dir()), ".")

            def bandit_full() -> None:
                sh([str(BIN / "bandit"), "-q", "-r", pkg, "-f", "json", "-o",
                    str(tmp / "bf.json")], repo, ok=(0, 1))

            def ci_full() -> None:
                shutil.rmtree(tmp / "cache", ignore_errors=True)
                sh([*secsdlc, "ci", "github", "--scanners", "bandit", "--diff-aware", "false",
                    "--output-dir", str(tmp / "cif"), pkg], repo, env, ok=(0, 1))

            t_bf, r_bf = timed_median(args.runs, bandit_full)
            t_cf, r_cf = timed_median(args.runs, ci_full)
            print(f"{'bandit -r ' + pkg + ' (full)':58} {t_bf:9.2f}  "
                  f"{' '.join(f'{x:.2f}' for x in r_bf)}")
            print(f"{'secsdlc ci github --diff-aware false (bandit, full)':58} {t_cf:9.2f}  "
                  f"{' '.join(f'{x:.2f}' for x in r_cf)}")
            print(f"ratio: ci full/bandit {t_cf / t_bf:.2f}x; diff-aware ci / full ci "
                  f"{t_ci / t_cf:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
