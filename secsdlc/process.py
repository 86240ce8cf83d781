"""The one way secsdlc runs a subprocess.

Every scanner goes through `run` so that timeouts, missing binaries and crashes are turned into the
same rich error, and so that the whole process group is killed on timeout (semgrep forks workers
that would otherwise outlive us).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
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


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
