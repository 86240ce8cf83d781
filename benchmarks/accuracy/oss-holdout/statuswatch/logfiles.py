"""Reading the monitor's own log files for the log viewer."""
import os
from collections import deque

from . import config


def tail(path: str, lines: int = 200) -> list:
    with open(path, errors="replace") as fh:
        return list(deque(fh, maxlen=lines))


def available_logs() -> list:
    return sorted(n for n in os.listdir(config.LOG_DIR) if n.endswith(".log"))
