"""Bulk import of photos from zip archives."""
import logging
import os
import zipfile

from django.conf import settings

log = logging.getLogger(__name__)

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
