"""The one way secsdlc runs a subprocess.

Every scanner goes through `run` so that timeouts, missing binaries and crashes are turned into the
same rich error, and so that the whole process group is killed on timeout (semgrep forks workers
that would otherwise outlive us). Each child runs in a session of its own, so a Ctrl-C or a CI
cancellation reaches only secsdlc: `stop_all` (called from the CLI's signal handling) kills every
group still running and keeps new ones from starting.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path


class ProcessError(Exception):
    """A subprocess could not run to completion."""

    def __init__(self, cmd: Sequence[str], message: str, *, stderr: str = "") -> None:
        self.cmd = tuple(cmd)
        self.stderr = stderr
        tail = _tail(stderr)
        super().__init__(f"{cmd[0]}: {message}" + (f": {tail}" if tail else ""))


class ExecutableNotFound(ProcessError):
    pass


class ProcessTimeout(ProcessError):
    pass


_live: dict[int, subprocess.Popen[bytes]] = {}
_live_lock = threading.Lock()
_stopping = False


def _tail(text: str, limit: int = 400) -> str:
    text = text.strip()
    return text if len(text) <= limit else "..." + text[-limit:]


def which(name: str) -> str | None:
    """Find an executable, preferring the one installed beside our own interpreter."""
    import sys

    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which(name)


def run(
    cmd: Sequence[str],
    *,
    timeout: float | None = None,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
) -> tuple[int, str, str]:
    """Run `cmd`; return (returncode, stdout, stderr). Never raises on a non-zero exit code.

    Raises ExecutableNotFound, ProcessTimeout or ProcessError when no exit code can be had.
    """
    rc, out, err = run_bytes(cmd, timeout=timeout, cwd=cwd, env=env, stdin=stdin)
    return rc, out.decode("utf-8", "replace"), err


def run_bytes(
    cmd: Sequence[str],
    *,
    timeout: float | None = None,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
) -> tuple[int, bytes, str]:
    """As `run`, with stdout as the bytes the command wrote (file contents, signed data)."""
    full_env = dict(os.environ)
    if env is not None:
        full_env.update(env)
    with _live_lock:  # registered before stop_all can look, or not started at all
        if _stopping:
            raise ProcessError(cmd, "not started: secsdlc is stopping")
        try:
            proc = subprocess.Popen(
                list(cmd),
                cwd=cwd,
                env=full_env,
                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except FileNotFoundError as e:
            raise ExecutableNotFound(cmd, "executable not found") from e
        except OSError as e:
            raise ProcessError(cmd, f"cannot start: {e}") from e
        _live[proc.pid] = proc
    try:
        return _communicate(proc, cmd, stdin, timeout)
    finally:
        with _live_lock:
            _live.pop(proc.pid, None)


def _communicate(proc: subprocess.Popen[bytes], cmd: Sequence[str], stdin: bytes | None,
                 timeout: float | None) -> tuple[int, bytes, str]:
    try:
        out, err = proc.communicate(input=stdin, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        _kill_group(proc)
        out, err = proc.communicate()
        raise ProcessTimeout(
            cmd, f"timed out after {timeout:g} s", stderr=err.decode("utf-8", "replace")
        ) from e
    except BaseException:
        _kill_group(proc)
        proc.wait()
        raise
    return proc.returncode, out, err.decode("utf-8", "replace")


def stop_all(*, wait: bool) -> None:
    """Kill the process group of every child still running; start no more.

    Safe in a signal handler with wait=False (no lock is taken: the handler may have interrupted
    a thread holding it); wait=True then reaps them.
    """
    global _stopping
    _stopping = True
    for proc in list(_live.values()):
        _kill_group(proc)
    if wait:
        for proc in list(_live.values()):
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)


def resume() -> None:
    """Allow children again (a long-lived caller, such as a test, after stop_all)."""
    global _stopping
    _stopping = False


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
