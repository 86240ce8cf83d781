"""Everything that touches the drop directory on disk."""
from __future__ import annotations

import csv
import io
import os
import pickle
import re
from pathlib import Path
from typing import Any

from . import config


def list_files() -> list[str]:
    return sorted(name for name in os.listdir(config.DROP_DIR) if not name.startswith("."))


def files_with_prefix(prefix: str) -> list[str]:
    return [name for name in list_files() if name.startswith(prefix)]


def read_file(name: str) -> bytes:
    """Contents of a file in the drop directory."""
    path = os.path.join(config.DROP_DIR, name)
    with open(path, "rb") as fh:
        return fh.read()


def bucket_exists(token: str) -> bool:
    return os.path.isdir(os.path.join(config.SHARED_DIR, token))


def read_bucket_file(token: str, name: str) -> bytes:
    """Contents of a file in a shared bucket."""
    return Path(config.SHARED_DIR, token, name).read_bytes()


def search(pattern: str) -> list[str]:
    """File names matching a regular expression."""
    matcher = re.compile(pattern)
    return [name for name in list_files() if matcher.search(name)]


def index_csv() -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["name", "bytes", "modified"])
    for name in list_files():
        st = os.stat(os.path.join(config.DROP_DIR, name))
        writer.writerow([name, st.st_size, int(st.st_mtime)])
    return buf.getvalue().encode("utf-8")


def save_state(upload_id: str, state: dict[str, Any]) -> None:
    with open(os.path.join(config.STATE_DIR, f"{upload_id}.state"), "wb") as fh:
        pickle.dump(state, fh)


def read_state_file(upload_id: str) -> bytes:
    with open(os.path.join(config.STATE_DIR, f"{upload_id}.state"), "rb") as fh:
        return fh.read()


def load_state(blob: bytes) -> dict[str, Any]:
    """Decode the resumable-upload state written by :func:`save_state`."""
    state = pickle.loads(blob)
    if not isinstance(state, dict):
        raise ValueError("corrupt upload state")
    return state
