"""Diagnostics that shell out to standard system tools."""
from __future__ import annotations

import logging
import os
import subprocess

log = logging.getLogger(__name__)


def run(cmd: str, timeout: int = 15) -> str:
    """Run a diagnostic command line and return what it printed."""
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=timeout)
    return proc.stdout + proc.stderr


def call(argv: list[str], timeout: int = 15) -> str:
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    return proc.stdout + proc.stderr


def dig(args: str) -> str:
    with os.popen("dig +short +time=2 " + args) as pipe:
        return pipe.read()
