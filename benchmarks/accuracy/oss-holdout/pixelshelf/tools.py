"""Wrappers around ImageMagick and ffmpeg."""
import logging
import shlex
import subprocess

from django.conf import settings

log = logging.getLogger(__name__)


def run_shell(command: str, timeout: int = 60) -> str:
    log.debug("running %s", command)
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        log.warning("command failed (%s): %s", proc.returncode, proc.stderr.strip()[:500])
    return proc.stdout


def magick(args: str) -> str:
    return run_shell(f"{settings.CONVERT_BIN} {args}")


def frame_at(video_path: str, at: str, out_path: str) -> None:
    cmd = "%s -y -ss %s -i %s -frames:v 1 %s" % (
        settings.FFMPEG_BIN, at, shlex.quote(video_path), shlex.quote(out_path)
    )
    subprocess.check_output(cmd, shell=True, timeout=120)


def poster_frame(video_path: str, at: str, out_path: str) -> None:
    subprocess.check_output(
        [settings.FFMPEG_BIN, "-y", "-ss", at, "-i", video_path, "-frames:v", "1", out_path],
        timeout=120,
    )
