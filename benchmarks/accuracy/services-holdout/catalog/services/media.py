"""Image tooling run through ImageMagick."""
from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)


def shell(command: str) -> int:
    status = os.system(command)
    if status:
        log.error("image command exited with %d", status)
    return status


def resize_command(src: str, dest: str, geometry: str = "200x200") -> str:
    return f"convert {src} -resize {geometry} {dest}"
