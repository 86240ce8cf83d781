"""Where files live on disk, and how they are read."""
import os
from pathlib import Path

BASE_DIR = "/srv/files/uploads"
EXPORT_DIR = "/srv/files/exports"
THEME_DIR = Path("/srv/files/themes")
DOCS_DIR = Path("/srv/files/docs").resolve()


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def size_of(path: str) -> int:
    return os.stat(path).st_size
