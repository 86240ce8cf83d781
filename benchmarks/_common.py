"""Shared by the benchmark scripts: timing with medians, and the tools' offline environment."""

from __future__ import annotations

import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

BIN = Path(sys.executable).parent
OFFLINE = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
DJANGO_HINT = ("get the tree with: pip download --no-deps --no-binary :all: django==5.2.8 && "
               "tar xzf django-5.2.8.tar.gz")


def _byte_compiled() -> None:
    """secsdlc's modules compiled as a wheel's installation leaves them: from a source checkout
    under PYTHONDONTWRITEBYTECODE every timed run would compile them all again, while the tools
    it is compared with run from their compiled files."""
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "secsdlc", quiet=1)


_byte_compiled()


def run(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
        ok: Sequence[int] = (0, 1)) -> float:
    """Wall time of one command; a failure stops the benchmark rather than timing an error."""
    start = time.perf_counter()
    proc = subprocess.run(list(cmd), cwd=cwd, env=env or OFFLINE, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n"
                 f"{proc.stderr[-2000:]}")
    return elapsed


def run_cpu(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
            ok: Sequence[int] = (0, 1)) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the command's child processes included) of one
    command: on a shared machine the CPU time is the steadier of the two."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run(cmd, cwd=cwd, env=env, ok=ok)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_of(runs: int, fn: Callable[[], float]) -> tuple[float, list[float]]:
    samples = [fn() for _ in range(runs)]
    return statistics.median(samples), samples


def timed_median(runs: int, fn: Callable[[], object]) -> tuple[float, list[float]]:
    """Median wall time of `runs` calls of `fn`, and every sample."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def fmt(samples: list[float]) -> str:
    return ", ".join(f"{s:.2f}" for s in samples)
