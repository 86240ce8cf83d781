"""Full-text search over page files."""
from __future__ import annotations

import os
import re


def grep(pattern: str, root: str, limit: int = 50) -> list[str]:
    hits = []
    for dirpath, _dirs, files in os.walk(root):
        for fname in files:
            if not fname.endswith(".md"):
                continue
            with open(os.path.join(dirpath, fname), encoding="utf-8", errors="replace") as fh:
                if re.search(pattern, fh.read(), re.MULTILINE):
                    hits.append(fname[:-3])
            if len(hits) >= limit:
                return hits
    return hits
