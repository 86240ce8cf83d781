"""Rebuild the OSV snapshot that ships in the package (secsdlc/deps/data/).

    python scripts/build_deps_snapshot.py [OSV_DIR]

OSV_DIR defaults to ../shared/data/osv-pypa (a checkout of github.com/pypa/advisory-database);
its `vulns/` tree is imported, the SQLite file is xz-compressed, and the CC-BY-4.0 attribution is
written beside it. The output is deterministic for a given input (the import date is the
snapshot's date from OSV_DIR/SOURCE when present).
"""

from __future__ import annotations

import argparse
import lzma
import os
import re
import sys
import tempfile
from pathlib import Path

from secsdlc.deps import store

DATA = Path(__file__).resolve().parent.parent / "secsdlc" / "deps" / "data"
DEFAULT_SOURCE = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "osv-pypa"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    source: Path = args.source
    vulns = source / "vulns" if (source / "vulns").is_dir() else source
    origin = (source / "SOURCE").read_text(encoding="utf-8").strip() if (
        source / "SOURCE").is_file() else str(source)
    date = re.search(r"\d{4}-\d{2}-\d{2}", origin)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "snapshot.sqlite3"
        # Relative record names: problems stored in the snapshot name `osv-pypa/vulns/...`, not
        # the build machine's directories, and the output does not depend on where it was built.
        os.chdir(source.resolve().parent)
        relative = vulns.resolve().relative_to(source.resolve().parent)
        report = store.build(relative, db, source_label=origin,
                             imported_at=f"{date.group(0)}T00:00:00+00:00" if date else None)
        raw = db.read_bytes()
    DATA.mkdir(parents=True, exist_ok=True)
    target = DATA / store.SNAPSHOT_NAME
    target.write_bytes(lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME))
    license_text = (source / "LICENSE").read_text(encoding="utf-8") if (
        source / "LICENSE").is_file() else ""
    (DATA / "ATTRIBUTION.md").write_text(
        "# Vulnerability data attribution\n\n"
        f"`{store.SNAPSHOT_NAME}` is built from the Python Packaging Advisory Database\n"
        "(https://github.com/pypa/advisory-database), (c) its contributors, licensed under the\n"
        "Creative Commons Attribution 4.0 International License (CC-BY-4.0,\n"
        "https://creativecommons.org/licenses/by/4.0/). The records were converted from OSV\n"
        "YAML into an SQLite index; their content is otherwise unchanged.\n\n"
        f"Source: {origin}\n\n"
        "Rebuild with `python scripts/build_deps_snapshot.py`.\n"
        + (f"\n## Licence of the source database\n\n{license_text}" if license_text else ""),
        encoding="utf-8",
    )
    print(f"{target}: {report.records} records, {report.packages} packages, "
          f"{report.withdrawn} withdrawn, {len(report.problems)} problems, "
          f"{target.stat().st_size} bytes ({len(raw)} uncompressed)")
    for problem in report.problems:
        print(f"  {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
