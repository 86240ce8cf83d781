"""Image and video helpers run on upload."""
from __future__ import annotations

import logging
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)


def make_thumbnail(src: Path, size: str) -> Path:
    dst = src.with_suffix(".thumb.jpg")
    cmd = f"ffmpeg -loglevel error -y -i {src} -vf scale={size} {dst}"
    subprocess.run(cmd, shell=True, check=True, timeout=60)
    return dst
