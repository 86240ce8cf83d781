"""Running maintenance commands."""

from __future__ import annotations

import logging
import subprocess

log = logging.getLogger(__name__)


def run(command: str, timeout: int = 600) -> int:
    log.info("maintenance command started")
    completed = subprocess.run(command, shell=True, timeout=timeout, check=False)
    log.info("maintenance command finished with %d", completed.returncode)
    return completed.returncode
