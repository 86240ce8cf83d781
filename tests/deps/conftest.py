"""Fixtures for the dependency audit: a private cache dir and databases built from real records."""

from __future__ import annotations

import json
import lzma
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from secsdlc.deps import store
from secsdlc.scanners.deps import DepsScanner
from secsdlc.scanners.interface import ScannerOutput, ScanRequest


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache root, so no test reads or writes the user's cache."""
    path = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SECSDLC_CACHE_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The snapshot that ships in the package, unpacked once for the session (read-only use)."""
    path = tmp_path_factory.mktemp("shipped") / "pypi.sqlite3"
    with store.snapshot_resource().open("rb") as src:
        path.write_bytes(lzma.decompress(src.read()))
    return path


def osv_record(vid: str, package: str, *, events: list[dict[str, str]] | None = None,
               versions: list[str] | None = None, aliases: list[str] | None = None,
               range_type: str = "ECOSYSTEM", **extra: Any) -> dict[str, Any]:
    affected: dict[str, Any] = {"package": {"ecosystem": "PyPI", "name": package}}
    if events is not None:
        affected["ranges"] = [{"type": range_type, "events": events}]
    if versions is not None:
        affected["versions"] = versions
    return {"id": vid, "modified": "2026-11-01T00:00:00Z", "aliases": aliases or [],
            "details": f"details of {vid}", "affected": [affected], **extra}


@pytest.fixture
def make_db(tmp_path: Path) -> Callable[..., Path]:
    """Build a database from OSV records (dicts) written as JSON files."""

    def make(*records: dict[str, Any], name: str = "db.sqlite3") -> Path:
        src = tmp_path / f"records-{name}"
        src.mkdir()
        for record in records:
            (src / f"{record['id']}.json").write_text(json.dumps(record), encoding="utf-8")
        dest = tmp_path / name
        store.build(src, dest)
        return dest

    return make


def write(root: Path, files: dict[str, str]) -> tuple[str, ...]:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return tuple(files)


@pytest.fixture
def scan(tmp_path: Path) -> Callable[..., ScannerOutput]:
    """Run the real scanner over files written under a fresh root, as the engine would."""

    def run(files: dict[str, str], *, root: Path | None = None, **options: object) -> ScannerOutput:
        base = root or tmp_path / "repo"
        base.mkdir(parents=True, exist_ok=True)
        write(base, files)
        scanner = DepsScanner()
        wanted = tuple(f for f in files if scanner.applies_to(f))
        return scanner.scan(ScanRequest(root=base, files=wanted, options=options))

    return run


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A local TCP port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    yield port
