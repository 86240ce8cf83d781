"""Shared by the benchmark scripts: timing with medians, and the tools' offline environment."""

from __future__ import annotations

import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
OFFLINE = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
DJANGO_HINT = ("get the tree with: pip download --no-deps --no-binary :all: django==5.2.8 && "
               "tar xzf django-5.2.8.tar.gz")
SCANNERS = "taint,bandit,semgrep,secrets"  # what a default scan runs on Python code
# the commit the pre-commit benchmarks time: three files of Django's package
TOUCHED = ("views/debug.py", "contrib/auth/views.py", "db/utils.py")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=b@example.com", "-c", "user.name=b", *args],
                   cwd=cwd, check=True, capture_output=True)


def developer_env(cache: Path, config_home: Path) -> dict[str, str]:
    """A developer's machine: no variable of any CI system (a run is advisory unless it asks for
    enforce mode), the result cache and the per-user cache key in directories of the benchmark's
    own."""
    from secsdlc.cache import KEY_ENV
    from secsdlc.mode import CI_VARIABLES, ENFORCE_ENV, TRUST_ROOT_ENV

    dropped = {*CI_VARIABLES, KEY_ENV, ENFORCE_ENV, TRUST_ROOT_ENV}
    return {**{k: v for k, v in OFFLINE.items() if k not in dropped},
            "SECSDLC_CACHE_DIR": str(cache), "XDG_CONFIG_HOME": str(config_home)}


@dataclass(frozen=True)
class Checkout:
    work: Path  # the benchmark's temp directory: the tree, its cache, configuration and output
    tree: Path  # a git repository holding a copy of the tree given
    package: str  # Django's package inside it: "" or "django/"
    touched: tuple[str, ...]  # TOUCHED under the tree, changed and staged

    def remove(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def django_checkout(src: Path, prefix: str) -> Checkout:
    """A copy of Django (the sdist's directory or its `django/` package) committed in a fresh
    git repository, with a function appended to each file of TOUCHED and staged: the commit the
    pre-commit benchmarks time."""
    src = src.resolve()
    package = "" if (src / TOUCHED[0]).is_file() else "django/"
    if not (src / package / TOUCHED[0]).is_file():
        sys.exit(f"{src}: not Django's tree nor its package ({DJANGO_HINT})")
    work = Path(tempfile.mkdtemp(prefix=prefix))
    tree = work / "tree"
    shutil.copytree(src, tree)
    git(tree, "init", "-q")
    git(tree, "add", "-A")
    git(tree, "commit", "-q", "-m", "base")
    touched = tuple(package + rel for rel in TOUCHED)
    for i, rel in enumerate(touched):
        with (tree / rel).open("a") as fh:
            fh.write(f"\n\ndef _bench_{i}(value):\n    return value\n")
    git(tree, "add", *touched)
    return Checkout(work=work, tree=tree, package=package, touched=touched)


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
