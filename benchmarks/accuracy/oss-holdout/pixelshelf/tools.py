"""File tools: ImageMagick and ffmpeg wrappers, zip imports."""
import logging
import os
import shlex
import subprocess
import zipfile

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


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic")


def _members(zf: zipfile.ZipFile):
    names = [m for m in zf.infolist() if not m.is_dir()]
    return names[: settings.MAX_ARCHIVE_MEMBERS]


def extract_images(zf: zipfile.ZipFile, dest: str) -> list:
    written = []
    for member in _members(zf):
        if not member.filename.lower().endswith(IMAGE_SUFFIXES):
            continue
        target = os.path.join(dest, member.filename)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with zf.open(member) as src, open(target, "wb") as out:
            out.write(src.read())
        written.append(target)
    return written


def extract_images_flat(zf: zipfile.ZipFile, dest: str) -> list:
    written = []
    root = os.path.realpath(dest)
    for member in _members(zf):
        if not member.filename.lower().endswith(IMAGE_SUFFIXES):
            continue
        target = os.path.realpath(os.path.join(root, member.filename))
        if not target.startswith(root + os.sep):
            log.warning("skipping archive member outside the import folder")
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with zf.open(member) as src, open(target, "wb") as out:
            out.write(src.read())
        written.append(target)
    return written
