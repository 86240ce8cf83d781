"""The OSV database: imports from directories and zips, atomic replacement, corrupt files."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from secsdlc.deps import store
from secsdlc.deps.audit import audit
from secsdlc.deps.interface import DatabaseError, Dependency, ImportFailed, PackageName
from tests.resources import OSV_PYPA_SLICE

from .conftest import osv_record

YAML_RECORD = """\
id: PYSEC-2099-1
modified: 2099-01-02T00:00:00Z
aliases:
- CVE-2099-0001
details: float-looking versions must stay text
affected:
- package:
    ecosystem: PyPI
    name: Demo_Pkg
  ranges:
  - type: ECOSYSTEM
    events:
    - introduced: "0"
    - fixed: 1.10
  versions:
  - 1.9
  - 1.10rc1
"""

BAD_RECORD = """\
id: PYSEC-2099-2
modified: 2020-01-01T00:00:00Z
details: two kinds of trouble
affected:
- package:
    ecosystem: PyPI
    name: other
  ranges:
  - type: ECOSYSTEM
    events:
    - introduced: "0"
    - fixed: 2019-09-12-final
  - type: CALVER
    events:
    - introduced: "2020.1"
"""


def dep(name: str, version: str) -> Dependency:
    return Dependency(name=PackageName(name), path="requirements.txt", line=1, version=version)


def test_yaml_directory_import_keeps_versions_as_text_and_reports_bad_records(
    tmp_path: Path,
) -> None:
    src = tmp_path / "vulns" / "demo"
    src.mkdir(parents=True)
    (src / "PYSEC-2099-1.yaml").write_text(YAML_RECORD)
    (src / "PYSEC-2099-2.yaml").write_text(BAD_RECORD)
    (src / "README.md").write_text("not a record")
    (tmp_path / "vulns" / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / "vulns" / ".github" / "workflows" / "ci.yml").write_text("on: push\n")
    report = store.build(tmp_path / "vulns", tmp_path / "db.sqlite3")
    assert (report.records, report.packages, report.skipped_records) == (2, 2, 0)
    problems = sorted((Path(p.path).name, p.line, p.message) for p in report.problems)
    assert problems[0][:2] == ("PYSEC-2099-2.yaml", 12)
    assert "fixed version '2019-09-12-final' is not a PEP 440 version" in problems[0][2]
    assert problems[1][:2] == ("PYSEC-2099-2.yaml", 13)
    assert "unknown range type 'CALVER'" in problems[1][2]

    with store.Store(report.path) as db:
        # `fixed: 1.10` read as a float would be 1.1 and would wrongly clear 1.9.
        result = audit(db, [dep("demo-pkg", "1.9"), dep("demo-pkg", "1.10"),
                            dep("demo-pkg", "1.2"), dep("other", "1.0")])
        info = db.info()
    hits = {(h.dependency.version, h.advisories[0].id) for h in result.hits}
    assert hits == {("1.9", "PYSEC-2099-1"), ("1.2", "PYSEC-2099-1")}
    assert [(d.name, "2019-09-12-final" in why) for d, why in result.unaudited] == [
        ("other", True)]
    assert info.newest_modified == dt.datetime(2099, 1, 2, tzinfo=dt.timezone.utc)
    assert info.records == 2


def _zip(path: Path, records: list[dict], extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for r in records:
            z.writestr(f"{r['id']}.json", json.dumps(r))
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def test_zip_import_and_alias_merging(tmp_path: Path) -> None:
    records = [
        osv_record("PYSEC-2099-10", "pkg", events=[{"introduced": "0"}, {"fixed": "2.0"}],
                   aliases=["CVE-2099-10"]),
        osv_record("GHSA-aaaa-bbbb-cccc", "pkg", events=[{"introduced": "1.0"}, {"fixed": "2.1"}],
                   aliases=["CVE-2099-10"]),
        osv_record("GHSA-dddd-eeee-ffff", "pkg", events=[{"introduced": "0"}, {"fixed": "1.5"}],
                   withdrawn="2099-01-01T00:00:00Z"),
        {"id": "OTHER-1", "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"}}]},
    ]
    report = store.build(_zip(tmp_path / "all.zip", records), tmp_path / "db.sqlite3")
    assert (report.records, report.withdrawn) == (3, 1)
    with store.Store(report.path) as db:
        result = audit(db, [dep("PKG", "1.2")])
    # Same CVE: one finding listing both ids, fixed only when both are (2.1).
    assert len(result.hits) == 1
    hit = result.hits[0]
    assert {a.id for a in hit.advisories} == {"PYSEC-2099-10", "GHSA-aaaa-bbbb-cccc"}
    assert (hit.fixed_in, hit.fix_hint) == ("2.1", "2.1")


def test_failed_imports_leave_the_previous_database_intact(tmp_path: Path) -> None:
    dest = tmp_path / "db.sqlite3"
    good = [osv_record("PYSEC-2099-20", "pkg", events=[{"introduced": "0"}])]
    store.build(_zip(tmp_path / "good.zip", good), dest)
    before = dest.read_bytes()

    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(_zip(tmp_path / "full.zip", good * 1).read_bytes()[:-40])
    with pytest.raises(ImportFailed, match=r"truncated\.zip: not a readable OSV zip"):
        store.build(truncated, dest)

    noise = json.dumps({"id": "BROKEN-1", "details": os.urandom(2000).hex()}).encode()
    corrupt = _zip(tmp_path / "corrupt.zip", good, {"BROKEN-1.json": noise})
    data = bytearray(corrupt.read_bytes())
    offset = data.find(b"BROKEN-1.json") + len("BROKEN-1.json") + 100
    data[offset:offset + 20] = b"\x00" * 20  # damage the member's compressed bytes
    corrupt.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match=r"could not be read .*BROKEN-1\.json"):
        store.build(corrupt, dest)

    with pytest.raises(ImportFailed, match="no such file"):
        store.build(tmp_path / "missing", dest)
    assert dest.read_bytes() == before
    assert not list(tmp_path.glob(".db.sqlite3.*"))  # no temporary file left behind
    with store.Store(dest) as db:
        assert db.info().records == 1

    report = store.build(corrupt, dest, keep_going=True)
    assert (report.records, report.skipped_records) == (1, 1)
    with store.Store(dest) as db:
        assert db.info().skipped == 1


def test_unreadable_or_corrupt_database_is_an_error_naming_the_file(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match=r"garbage\.sqlite3: unreadable or corrupt"):
        store.Store(garbage)
    with pytest.raises(DatabaseError, match=r"missing\.sqlite3: no vulnerability database"):
        store.Store(tmp_path / "missing.sqlite3")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema', '0')")
    with pytest.raises(DatabaseError, match="schema '0'"):
        store.Store(other)


def test_fresh_install_unpacks_the_shipped_snapshot_into_the_cache(cache_dir: Path) -> None:
    target = store.default_path()
    assert target == cache_dir / "osv" / "pypi.sqlite3"
    assert not target.exists()
    with store.open_default() as db:
        info = db.info()
    assert target.is_file()
    assert info.records > 2000
    assert "PyPA advisory database" in info.source
    attribution = store.snapshot_resource().parent / "ATTRIBUTION.md"
    assert "CC-BY-4.0" in attribution.read_text(encoding="utf-8")


def test_import_with_no_pypi_record_fails(make_db: Callable[..., Path], tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="no PyPI OSV record"):
        make_db({"id": "X", "affected": [{"package": {"ecosystem": "npm", "name": "y"}}]})


def _full_size_source(root: Path) -> Path:
    """As many real PyPA records as the whole database holds: the slice, seven times over."""
    import re

    for path in sorted(OSV_PYPA_SLICE.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for copy in range(7):
            target = root / str(copy) / path.relative_to(OSV_PYPA_SLICE)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(re.sub(r"^id: (\S+)", rf"id: \1-{copy}", text, count=1,
                                     flags=re.MULTILINE), encoding="utf-8")
    return root


def test_an_import_killed_midway_leaves_the_previous_database_usable(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    source = _full_size_source(tmp_path / "vulns")
    dest = tmp_path / "db.sqlite3"
    store.build(_zip(tmp_path / "small.zip",
                     [osv_record("PYSEC-2099-30", "pkg", versions=["1.0"])]), dest)
    before = dest.read_bytes()
    killed = 0
    for delay in (0.3, 1.2, 1.8):  # while parsing, and (on a fast machine) while writing
        proc = subprocess.Popen([sys.executable, "-c", (
            "import sys; from pathlib import Path; from secsdlc.deps import store; "
            "store.build(Path(sys.argv[1]), Path(sys.argv[2]))"), str(source), str(dest)])
        time.sleep(delay)
        if proc.poll() is not None:
            break  # finished before the kill: nothing left to interrupt at this delay
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if dest.read_bytes() != before:
            # the kill came after the import had replaced the database (a fast machine): what
            # is there must then be the whole new database, never a part of it
            full = store.build(source, tmp_path / "full.sqlite3").records
            with store.Store(dest) as db:
                assert db.info().records == full
            break
        killed += 1
        with store.Store(dest) as db:
            assert db.info().records == 1
    assert killed, "the import finished before the first kill: the source is too small"


def test_unreadable_records_are_named_with_their_line(tmp_path: Path) -> None:
    src = tmp_path / "records"
    src.mkdir()
    (src / "GOOD-1.json").write_text(json.dumps(osv_record("GOOD-1", "pkg", versions=["1"])))
    (src / "BAD-1.json").write_text('{\n  "id": "BAD-1",\n  "affected": [,]\n}\n')
    (src / "BAD-2.yaml").write_text("id: BAD-2\naffected:\n  - package: [unclosed\n")
    (src / "BAD-3.json").write_text('{"id": "BAD-3", "affected": {"not": "a list"}}')
    with pytest.raises(ImportFailed) as failed:
        store.build(src, tmp_path / "db.sqlite3")
    assert "3 record(s) could not be read" in str(failed.value)
    report = store.build(src, tmp_path / "db.sqlite3", keep_going=True)
    problems = {Path(p.path).name: p.message for p in report.problems}
    assert problems["BAD-1.json"].startswith("line 3: invalid JSON")
    assert problems["BAD-2.yaml"].startswith("line 4: invalid YAML")
    assert "'affected' must be a list" in problems["BAD-3.json"]
    assert (report.records, report.skipped_records) == (1, 3)


def test_severity_per_affected_package_is_read(make_db: Callable[..., Path]) -> None:
    record = osv_record("GHSA-9999-8888-7777", "pkg", versions=["1.0"])
    record["affected"][0]["severity"] = [
        {"type": "CVSS_V4",
         "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}]
    with store.Store(make_db(record)) as db:
        advisory = db.advisory("GHSA-9999-8888-7777")
    assert advisory is not None
    assert advisory.cvss == ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",)
