"""Wrappers around command-line tools used for exports."""
from __future__ import annotations

import logging
import subprocess

log = logging.getLogger(__name__)


def sh(command: str) -> str:
    log.debug("sh: %s", command)
    return subprocess.run(command, shell=True, check=True, capture_output=True, text=True).stdout


def call(argv: list[str]) -> str:
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout
