"""poetry.lock: every `[[package]]` with its locked version."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from secsdlc.deps._locked import parse_array_lock
from secsdlc.deps.interface import SourceResult


def _classify(entry: Mapping[str, Any]) -> tuple[str, str] | None:
    source = entry.get("source")
    kind = source.get("type") if isinstance(source, Mapping) else None
    if kind == "directory":
        return None  # a local project: its own manifest is audited where it lives
    version = entry.get("version")
    if kind in ("git", "url", "file") and isinstance(source, Mapping):
        # Built from a checkout or archive: its version number is still what it claims to be.
        if isinstance(version, str) and version:
            return "", version
        return str(source.get("url", kind)), ""
    return ("", version) if isinstance(version, str) and version else ("<no version>", "")


def parse(root: Path, rel: str) -> SourceResult:
    return parse_array_lock(root, rel, "package", _classify)
