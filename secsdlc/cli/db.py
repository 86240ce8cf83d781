"""`secsdlc db import|update|info`: the local OSV database the offline dependency audit uses."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

NAME = "db"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(NAME, help="manage the local vulnerability (OSV) database")
    parser.add_argument("--db", type=Path, default=None,
                        help="database file (default: the user cache dir, or $SECSDLC_CACHE_DIR)")
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="import OSV records from a directory or an OSV zip")
    imp.add_argument("source", type=Path, help="directory of OSV JSON/YAML records, or all.zip")
    imp.add_argument("--keep-going", action="store_true",
                     help="import the readable records even if some cannot be read")
    upd = sub.add_parser("update", help="download OSV's PyPI export and import it")
    upd.add_argument("--url", default=None, help="zip to download (default: OSV's PyPI export)")
    upd.add_argument("--timeout", type=float, default=60.0, help="network timeout in seconds")
    upd.add_argument("--keep-going", action="store_true",
                     help="import the readable records even if some cannot be read")
    info = sub.add_parser("info", help="record count, newest record date and age")
    info.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from secsdlc.deps import store
    from secsdlc.deps.interface import DepsError
    from secsdlc.errors import SecsdlcError

    path: Path = args.db or store.default_path()
    try:
        if args.db_command == "import":
            report = store.build(args.source, path, keep_going=args.keep_going)
            return _print_report(report)
        if args.db_command == "update":
            from secsdlc.deps.update import OSV_PYPI_ZIP, update

            report = update(path, url=args.url or OSV_PYPI_ZIP, timeout=args.timeout,
                            keep_going=args.keep_going)
            return _print_report(report)
        with store.open_default(args.db) as database:
            return _print_info(database.info(), as_json=args.json)
    except DepsError as e:
        raise SecsdlcError(str(e)) from e


def _print_report(report: Any) -> int:
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"imported {report.records} records ({report.withdrawn} withdrawn) for "
          f"{report.packages} packages into {report.path}"
          + (f"; {len(report.problems)} problem(s) listed above" if report.problems else "")
          + (f"; {report.skipped_records} unreadable record(s) left out"
             if report.skipped_records else ""))
    return 0


def _print_info(info: Any, *, as_json: bool) -> int:
    age = info.age_days()
    newest = info.newest_modified.isoformat() if info.newest_modified else None
    if as_json:
        print(json.dumps({
            "path": str(info.path), "records": info.records, "withdrawn": info.withdrawn,
            "packages": info.packages, "newest_record": newest,
            "age_days": None if age is None else round(age, 1),
            "imported_at": info.imported_at, "source": info.source,
            "problems": info.problems, "skipped": info.skipped,
        }, indent=2))
        return 0
    print(f"database:      {info.path}")
    print(f"records:       {info.records} ({info.withdrawn} withdrawn) for {info.packages} "
          "packages")
    print(f"newest record: {newest or 'unknown'}")
    print(f"age:           {'unknown' if age is None else f'{age:.0f} days'}"
          + (" (older than 30 days: run `secsdlc db update`)" if age is None or age > 30 else ""))
    print(f"imported:      {info.imported_at} from {info.source}")
    if info.problems or info.skipped:
        print(f"import issues: {info.problems} problem(s), {info.skipped} record(s) left out")
    return 0
