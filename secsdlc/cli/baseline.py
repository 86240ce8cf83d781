"""`secsdlc baseline create`: accept today's findings so that only new ones block."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

DEFAULT = Path(".secsdlc") / "baseline.json"


def register(sub: Any) -> None:
    from secsdlc.cli.scan import add_scan_arguments

    p = sub.add_parser("baseline", help="create a baseline of accepted findings")
    actions = p.add_subparsers(dest="baseline_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="scan and write every current finding's "
                                               "fingerprint to the baseline file")
    add_scan_arguments(create)
    create.add_argument("--output", "-o", type=Path, default=DEFAULT, metavar="FILE",
                        help=f"baseline file (default: {DEFAULT})")


def run(args: argparse.Namespace) -> int:
    import sys

    from secsdlc import baseline, decision
    from secsdlc.cli import common
    from secsdlc.cli.scan import request
    from secsdlc.fileio import check_output, write_atomic

    check_output(args.output, "--output")
    with common.Progress(enabled=not args.no_progress and sys.stderr.isatty()) as progress:
        scanned = decision.run_scan(request(args), progress=progress.update)
    common.print_warnings(scanned.warnings)
    result = scanned.result
    failed = result.failed_scanners
    if failed:
        # a baseline missing what a failed scanner would have found would hide it forever
        for note in result.all_notifications:
            if note.level == "error":
                print(f"secsdlc: error: {note.message}")
        print(f"secsdlc: error: not writing a baseline: scanner(s) failed: {', '.join(failed)}")
        return 2
    write_atomic(args.output, baseline.dumps(result), "--output")
    count = sum(1 for f in result.findings if f.baseline_state != "absent")
    print(f"secsdlc: baseline of {count} finding(s) written to {args.output}")
    return 0
