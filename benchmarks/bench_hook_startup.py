"""The pre-commit hook's start-up: `secsdlc scan --staged` on a small commit, cache warm.

    python benchmarks/bench_hook_startup.py [--runs 5] [--python OTHER/bin/python ...]

A temporary repository with three staged files, scanned by the secrets hook as
.pre-commit-hooks.yaml runs it; after one warm-up run the scan itself is cached, so what is timed
is what every commit pays before any scanner work: interpreter, imports, configuration, git. Each
interpreter given (default: this one) is timed in turn, run after run, so that a busy machine
slows them alike.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OFFLINE, fmt, run

FILES = {f"app/mod{i}.py": f"def f{i}(value):\n    return value + {i}\n" for i in range(3)}


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", action="append", default=[],
                        help="interpreter with secsdlc installed (repeatable; default: this one)")
    args = parser.parse_args()
    pythons = args.python or [sys.executable]
    with tempfile.TemporaryDirectory(prefix="secsdlc-bench-hook-") as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        git(repo, "init", "-q", "-b", "main")
        git(repo, "-c", "user.email=b@example.com", "-c", "user.name=b", "commit", "-q",
            "--allow-empty", "-m", "base")
        for rel, text in FILES.items():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            (repo / rel).write_text(text, encoding="utf-8")
        git(repo, "add", "-A")
        env = {**OFFLINE, "SECSDLC_CACHE_DIR": str(Path(tmp) / "cache")}
        hooks = {py: [py, "-m", "secsdlc", "scan", "--staged", "--no-progress", "--scanners",
                      "secrets"] for py in pythons}
        for hook in hooks.values():
            run(hook, cwd=repo, env=env)  # warm the cache
        samples: dict[str, list[float]] = {py: [] for py in pythons}
        for _ in range(args.runs):
            for py, hook in hooks.items():
                samples[py].append(run(hook, cwd=repo, env=env))
    for py, times in samples.items():
        print(f"{py}: median {statistics.median(times):.3f} s  [{fmt(times)}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
