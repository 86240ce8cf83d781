"""uv.lock: every `[[package]]`; the project itself (editable/virtual/directory) is skipped."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from secsdlc.deps._locked import parse_array_lock
from secsdlc.deps.interface import SourceResult

_LOCAL = ("editable", "virtual", "directory")


def _classify(entry: Mapping[str, Any]) -> tuple[str, str] | None:
    source = entry.get("source")
    if isinstance(source, Mapping) and any(k in source for k in _LOCAL):
        return None
    version = entry.get("version")
    if isinstance(version, str) and version:
        return "", version
    reference = next((str(v) for v in source.values()), "<no version>") if isinstance(
        source, Mapping) else "<no version>"
    return reference, ""


def parse(root: Path, rel: str) -> SourceResult:
    return parse_array_lock(root, rel, "package", _classify)
