"""Paths and limits, taken from the environment."""
from __future__ import annotations

import os

DROP_DIR = os.environ.get("FILEDROP_DIR", "/srv/filedrop/files")
SHARED_DIR = os.path.join(DROP_DIR, "shared")
ARCHIVE_DIR = os.environ.get("FILEDROP_ARCHIVES", "/srv/filedrop/archives")
STATE_DIR = os.environ.get("FILEDROP_STATE", "/srv/filedrop/state")

LISTEN = (os.environ.get("FILEDROP_HOST", "0.0.0.0"), int(os.environ.get("FILEDROP_PORT", "8040")))
MAX_BODY = 64 * 1024 * 1024
MAX_MANIFEST = 256 * 1024
