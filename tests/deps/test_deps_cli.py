"""`secsdlc db import|update|info`, through the command's own register/run."""

from __future__ import annotations

import argparse
import json
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from secsdlc.cli import db as db_cli
from secsdlc.deps import store
from secsdlc.errors import SecsdlcError

from .conftest import osv_record


def run(*argv: str) -> int:
    """Parse and run like `secsdlc db ...` does; a SecsdlcError is exit code 2."""
    parser = argparse.ArgumentParser(prog="secsdlc")
    db_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["db", *argv])
    try:
        return db_cli.run(args)
    except SecsdlcError as e:
        print(f"secsdlc: error: {e}")
        return e.exit_code


def make_zip(path: Path, *ids: str) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for vid in ids:
            z.writestr(f"{vid}.json", json.dumps(osv_record(vid, "pkg", versions=["1.0"])))
    return path


def test_import_then_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("import", str(make_zip(tmp_path / "all.zip", "PYSEC-1", "PYSEC-2"))) == 0
    assert "imported 2 records (0 withdrawn) for 1 packages" in capsys.readouterr().out
    assert run("info", "--json") == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["records"], info["path"]) == (2, str(store.default_path()))
    assert info["newest_record"].startswith("2026-11-01")
    assert run("info") == 0
    text = capsys.readouterr().out
    assert "records:       2" in text and "newest record: 2026-11-01" in text


def test_info_on_a_fresh_install_shows_the_shipped_snapshot(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("info") == 0
    out = capsys.readouterr().out
    assert "newest record: 2024-10-10" in out
    assert "older than 30 days" in out


def test_failed_import_exits_2_and_keeps_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.sqlite3"
    assert run("--db", str(target), "import", str(make_zip(tmp_path / "a.zip", "PYSEC-1"))) == 0
    before = target.read_bytes()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(make_zip(tmp_path / "b.zip", "PYSEC-2").read_bytes()[:50])
    assert run("--db", str(target), "import", str(broken)) == 2
    assert "broken.zip: not a readable OSV zip" in capsys.readouterr().out
    assert target.read_bytes() == before


@pytest.fixture
def http_dir(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    served = tmp_path / "served"
    served.mkdir()
    handler = partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_update_downloads_and_replaces_or_fails_and_keeps(
    tmp_path: Path, http_dir: tuple[Path, str], closed_port: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    served, base = http_dir
    make_zip(served / "all.zip", "PYSEC-1", "PYSEC-2", "PYSEC-3")
    assert run("update", "--url", f"{base}/all.zip") == 0
    assert "imported 3 records" in capsys.readouterr().out
    before = store.default_path().read_bytes()

    assert run("update", "--url", f"http://127.0.0.1:{closed_port}/all.zip",
               "--timeout", "5") == 2
    assert "cannot download" in capsys.readouterr().out
    assert run("update", "--url", f"{base}/missing.zip") == 2
    assert "404" in capsys.readouterr().out
    assert store.default_path().read_bytes() == before
    assert not [p for p in store.default_path().parent.iterdir() if p.name.startswith(".")]


def test_db_is_a_secsdlc_command(capsys: pytest.CaptureFixture[str]) -> None:
    from secsdlc.cli import main

    assert main(["db", "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["records"] > 2000
    assert main(["db", "import", "/nonexistent/osv"]) == 2
    assert "no such file or directory" in capsys.readouterr().err
