"""Pages and attachments on disk."""
from __future__ import annotations

import logging
import os
from datetime import datetime, timezone

log = logging.getLogger(__name__)


class PageStore:
    def __init__(self, root: str) -> None:
        self.root = root

    def path_for(self, name: str) -> str:
        return os.path.join(self.root, name)

    def read_raw(self, name: str) -> str:
        with open(self.path_for(name), encoding="utf-8") as fh:
            return fh.read()

    def history(self, name: str) -> list[tuple[str, str]]:
        """(timestamp, author) pairs from the page's sidecar log, newest first."""
        entries = []
        try:
            with open(self.path_for(name + ".log"), encoding="utf-8") as fh:
                for line in fh:
                    stamp, _, author = line.strip().partition(" ")
                    entries.append((stamp, author))
        except FileNotFoundError:
            pass
        return list(reversed(entries))

    def touch(self, name: str, author: str) -> None:
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with open(self.path_for(name + ".log"), "a", encoding="utf-8") as fh:
            fh.write(f"{stamp} {author}\n")
