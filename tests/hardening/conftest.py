"""Real git repositories, ssh-keygen keys and scanners, shared with the sign-off tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from ..signoff.conftest import (  # noqa: F401
    _no_ambient_trust_root,
    commit_all,
    git,
    keydir,
    make_key,
    repo,
)

# How the Actions runner splits a step's output into lines, and what it reads as a command
# (after trimming whitespace): "::name ...::" at the start, or "##[name]" anywhere.
_RUNNER_LINES = re.compile(r"\r\n|\r|\n")


def workflow_commands(text: str) -> list[str]:
    return [line.strip() for line in _RUNNER_LINES.split(text)
            if line.strip().startswith("::") or "##[" in line.lower()]


def secsdlc(*args: str, cwd: Path, env: dict[str, str] | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The command line as a user or CI runs it: a separate process, real stdout and stderr."""
    return subprocess.run([sys.executable, "-m", "secsdlc", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout,
                          env={**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0",
                               **(env or {})})
