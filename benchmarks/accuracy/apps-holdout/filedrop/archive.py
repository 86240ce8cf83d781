"""Shell tools run inside the drop directory (tar, checksums)."""
from __future__ import annotations

import logging
import os
import shlex

from . import config

logger = logging.getLogger(__name__)


def run_in_drop_dir(command: str) -> int:
    """Run a shell command with the drop directory as working directory."""
    status = os.system(f"cd {shlex.quote(config.DROP_DIR)} && {command}")
    if status:
        logger.error("archive command failed with status %d", status)
    return status
