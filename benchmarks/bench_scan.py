"""secsdlc scan vs the same tools run by hand, side by side in one run (issue: scan engine).

    python benchmarks/bench_scan.py DJANGO_TREE [--runs 3]

Compares, on the same tree and the same rules:
  by hand:  bandit -r TREE, then semgrep --config rules/ TREE, one after the other
  by hand, semgrep's native CLI: the same with `semgrep scan --experimental`, as secsdlc runs it
  secsdlc:  secsdlc scan TREE --scanners bandit,semgrep,secrets --no-cache (it also runs secrets)
  and the default scanners, the taint analysis included (what it costs on top): as shipped,
  where semgrep leaves the rules the analysis supersedes to it, and with the whole pack beside
  the analysis (the pack given as the user's own rules, which are never left out)
and, for reference, detect-secrets (the usual standalone secrets scanner) on the same tree.
Also times `secsdlc --version`. Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import BIN, DJANGO_HINT, OFFLINE, fmt, median_of, run, run_cpu

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tree", type=Path, help=f"source tree to scan ({DJANGO_HINT})")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--detect-secrets", action="store_true",
                        help="also time detect-secrets (slow: minutes on Django)")
    args = parser.parse_args()
    tree = args.tree.resolve()
    if not tree.is_dir():
        sys.exit(f"{tree}: not a directory ({DJANGO_HINT})")
    rules = REPO / "rules"
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    env = {**OFFLINE, "SECSDLC_CACHE_DIR": str(cache)}
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))

    # semgrep skips tests/ by default when given a directory: hand it the same files secsdlc
    # scans, so that both sides do the same work
    py_files = sorted(str(p.relative_to(tree)) for p in tree.rglob("*.py"))

    cpu: dict[str, list[float]] = {}  # label -> CPU time (user + system) of each sample
    parts: dict[str, list[float]] = {"bandit": [], "semgrep": []}  # by hand, wall time

    loads: list[float] = []  # the machine's load average as each command started

    def timed(label: str, cmd: list[str], **kw: Any) -> float:
        loads.append(os.getloadavg()[0])
        wall, used = run_cpu(cmd, **kw)
        cpu.setdefault(label, []).append(used)
        return wall

    def by_hand(*semgrep_flags: str) -> float:
        label = "native" if semgrep_flags else "hand"
        b = timed(f"{label} bandit", [str(BIN / "bandit"), "-r", str(tree), "-f", "json", "-q",
                                      "-o", str(out / "bandit.json")])
        s = timed(f"{label} semgrep", [
            str(BIN / "semgrep"), "scan", *semgrep_flags, "--metrics=off",
            "--disable-version-check", "--json", "--quiet", "--config", str(rules),
            "-o", str(out / "semgrep.json"), "--", *py_files], cwd=tree)
        if not semgrep_flags:
            parts["bandit"].append(b)
            parts["semgrep"].append(s)
        cpu.setdefault(label, []).append(cpu[f"{label} bandit"][-1] + cpu[f"{label} semgrep"][-1])
        return b + s

    whole_pack = out / "whole-pack.toml"
    whole_pack.write_text("[scanners.semgrep]\nbundled-pack = false\n"
                          f"rules = [{json.dumps(str(rules))}]\n")

    def secsdlc(scanners: str = "bandit,semgrep,secrets", *config: str) -> float:
        shutil.rmtree(cache, ignore_errors=True)
        return timed(" ".join((scanners, *config)), [
            str(BIN / "secsdlc"), "scan", str(tree), "--scanners", scanners, *config,
            "--no-cache", "--no-progress", "--format", "sarif",
            "-o", str(out / "secsdlc.sarif")], env=env)

    def cpu_of(label: str) -> str:
        return f"CPU {statistics.median(cpu[label]):.2f} s [{fmt(cpu[label])}]"

    def version() -> float:
        return run([str(BIN / "secsdlc"), "--version"], ok=(0,))

    print(f"tree: {tree} ({sum(1 for _ in tree.rglob('*.py'))} .py files), "
          f"{args.runs} runs each, cpus={os.cpu_count()}")
    # interleaved, so that machine noise hits both sides alike
    hand_samples, native_samples, ours_samples, default_samples, whole_samples = \
        [], [], [], [], []
    default_scanners = "taint,bandit,semgrep,secrets"
    whole_label = f"{default_scanners} --config {whole_pack}"
    for _ in range(args.runs):
        hand_samples.append(by_hand())
        native_samples.append(by_hand("--experimental"))
        ours_samples.append(secsdlc())
        default_samples.append(secsdlc(default_scanners))
        whole_samples.append(secsdlc(default_scanners, "--config", str(whole_pack)))
    hand, native, ours, default, whole = (statistics.median(x) for x in (
        hand_samples, native_samples, ours_samples, default_samples, whole_samples))
    print(f"by hand (bandit then semgrep): median {hand:.2f} s  [{fmt(hand_samples)}]  "
          f"{cpu_of('hand')}")
    for tool in ("bandit", "semgrep"):
        print(f"  {tool + ' alone:':<27} median {statistics.median(parts[tool]):.2f} s  "
              f"[{fmt(parts[tool])}]  {cpu_of('hand ' + tool)}")
    print(f"  semgrep --experimental:      median {native:.2f} s  [{fmt(native_samples)}]  "
          f"{cpu_of('native')}")
    print(f"secsdlc scan (+ secrets):      median {ours:.2f} s  [{fmt(ours_samples)}]  "
          f"{cpu_of('bandit,semgrep,secrets')}")
    print(f"ratio secsdlc / by hand:       {ours / hand:.2f}  (goal <= 0.9); "
          f"{ours / native:.2f} to the tools with semgrep's native CLI")
    print(f"secsdlc scan, default scanners (+ taint analysis): median {default:.2f} s  "
          f"[{fmt(default_samples)}]  {cpu_of(default_scanners)}")
    print(f"ratio default scan / by hand:  {default / hand:.2f}  (goal <= 0.75); "
          f"{default / native:.2f} with semgrep's native CLI")
    print(f"  the same, semgrep running the whole pack beside the analysis: median {whole:.2f} s"
          f"  [{fmt(whole_samples)}]  {cpu_of(whole_label)}")
    print(f"  ratio to by hand:            {whole / hand:.2f}")
    if args.detect_secrets:
        ds, ds_samples = median_of(1, lambda: run([str(BIN / "detect-secrets"), "scan",
                                                   "--all-files", str(tree)], ok=(0,)))
        print(f"detect-secrets alone:          {ds:.2f} s  [{fmt(ds_samples)}]")
        print(f"ratio secsdlc / (by hand + detect-secrets): {ours / (hand + ds):.2f}")
    # on a shared machine a figure means little without the load it was taken under
    print(f"load average (1 min) as the commands started: {min(loads):.2f} to {max(loads):.2f}, "
          f"median {statistics.median(loads):.2f}")
    v, v_samples = median_of(max(args.runs, 5), version)
    print(f"secsdlc --version:             median {v:.3f} s  [{fmt(v_samples)}]  (goal <= 0.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
