"""`secsdlc sarif merge OUT IN...`: one SARIF from the shards of a matrix scan."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("sarif", help="SARIF utilities (merge the shards of a scan)")
    actions = p.add_subparsers(dest="sarif_command", metavar="ACTION", required=True)
    m = actions.add_parser("merge", help="merge SARIF files: one run per scanner, each finding "
                                         "once (by fingerprint)")
    m.add_argument("output", type=Path, metavar="OUT")
    m.add_argument("inputs", type=Path, nargs="+", metavar="IN")


def run(args: argparse.Namespace) -> int:
    from secsdlc.errors import UsageError
    from secsdlc.fileio import check_distinct, check_output, write_atomic
    from secsdlc.sarif.merge import merge
    from secsdlc.sarif.reader import SarifError, read_sarif
    from secsdlc.sarif.writer import dumps

    check_output(args.output, "OUT")
    check_distinct([("OUT", args.output), *(("IN", p) for p in args.inputs)])
    try:
        results = [read_sarif(p) for p in args.inputs]
    except SarifError as e:
        raise UsageError(str(e)) from e
    merged = merge(results)
    write_atomic(args.output, dumps(merged), "OUT")
    failed = [r.tool.name for r in merged.runs if not r.succeeded]
    if failed:
        print(f"secsdlc: warning: merged runs with failed scanners: {', '.join(failed)}")
    return 0
