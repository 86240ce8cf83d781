import os
from collections import deque
from pathlib import Path

from .config import LOG_DIR


def available():
    try:
        return sorted(n for n in os.listdir(LOG_DIR) if n.endswith(".log"))
    except FileNotFoundError:
        return []


def tail(name, lines=200):
    path = Path(LOG_DIR) / name
    with path.open("r", errors="replace") as fh:
        return "".join(deque(fh, maxlen=lines))
