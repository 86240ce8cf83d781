"""Thumbnails and posters via ImageMagick and ffmpeg."""

import hashlib
import logging
import os
import shlex
import subprocess

from .. import settings

log = logging.getLogger(__name__)


def _thumb_path(src: str, variant: str) -> str:
    key = hashlib.sha1(f"{src}|{variant}".encode()).hexdigest()
    return os.path.join(settings.THUMB_DIR, key + ".jpg")


def _shell(cmd: str) -> None:
    log.debug("exec: %s", cmd)
    subprocess.run(cmd, shell=True, check=True, timeout=120)


def image_thumb(src: str, size: str) -> str:
    dst = _thumb_path(src, size)
    if not os.path.exists(dst):
        _shell(f"convert {shlex.quote(src)}[0] -auto-orient -thumbnail {size} {shlex.quote(dst)}")
    return dst


def video_poster(src: str, at: str) -> str:
    dst = _thumb_path(src, "poster@" + at)
    if not os.path.exists(dst):
        _shell(f"ffmpeg -y -loglevel error -ss {at} -i {shlex.quote(src)} -frames:v 1 {shlex.quote(dst)}")
    return dst
