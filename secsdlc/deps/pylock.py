"""pylock.toml (PEP 751): every `[[packages]]`; local directories are the project itself."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from secsdlc.deps._locked import parse_array_lock
from secsdlc.deps.interface import SourceResult


def _classify(entry: Mapping[str, Any]) -> tuple[str, str] | None:
    version = entry.get("version")
    if isinstance(version, str) and version:
        return "", version
    if "directory" in entry:
        return None
    for key in ("vcs", "archive"):
        source = entry.get(key)
        if isinstance(source, Mapping):
            return str(source.get("url") or source.get("path") or key), ""
    return "<no version>", ""


def parse(root: Path, rel: str) -> SourceResult:
    return parse_array_lock(root, rel, "packages", _classify)
