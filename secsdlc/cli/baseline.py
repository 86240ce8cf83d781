"""`secsdlc baseline create`: accept today's findings so that only new ones block.

`secsdlc baseline migrate`: re-key a baseline written before fingerprints covered the whole
flagged region (format 1) onto today's findings, one to one, listing what it could not re-key.
"""

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
    migrate = actions.add_parser("migrate", help="re-key a format 1 baseline (first-line "
                                                 "fingerprints) onto today's findings")
    add_scan_arguments(migrate)
    migrate.add_argument("--baseline", type=Path, default=DEFAULT, metavar="FILE",
                         help=f"the format 1 baseline (default: {DEFAULT})")
    migrate.add_argument("--output", "-o", type=Path, metavar="FILE",
                         help="where to write the format 2 baseline (default: over --baseline)")


def run(args: argparse.Namespace) -> int:
    import sys

    from secsdlc import baseline, decision
    from secsdlc.cli import common
    from secsdlc.cli.scan import request
    from secsdlc.fileio import check_output, write_atomic

    if args.baseline_command == "migrate":
        entries = _format_1(args.baseline)
        args.output = args.output or args.baseline
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
    if args.baseline_command == "migrate":
        migrated = baseline.migrate(entries, result)
        write_atomic(args.output, migrated.text, "--output")
        for f in migrated.rekeyed:
            print(f"re-keyed: {f.rule_id} {f.location.path}:{f.location.start_line} "
                  f"({f.severity.value}) -> {f.fingerprint}")
        for old, entry in migrated.stale:
            print(f"stale, dropped: {entry['rule']} {entry['path']} {old} (no single current "
                  f"finding with its first line: it blocks until fixed, waived or baselined "
                  f"again)")
        print(f"secsdlc: {len(migrated.rekeyed)} baseline entr(ies) re-keyed, "
              f"{len(migrated.stale)} stale, written to {args.output}")
        return 0
    text = baseline.dumps(result)
    write_atomic(args.output, text, "--output")
    count = sum(1 for f in result.findings if f.baseline_state != "absent")
    print(f"secsdlc: baseline of {count} finding(s) written to {args.output}")
    print(f"secsdlc: in enforce mode (CI) it counts once a correspondent adds "
          f"baseline-sha256 = \"{baseline.digest(text.encode())}\" to the "
          f"configuration and signs it (secsdlc policy sign)")
    return 0


def _format_1(path: Path) -> dict[str, dict[str, str]]:
    from secsdlc import baseline
    from secsdlc.errors import UsageError

    found, entries = baseline.read(path)
    if found != baseline.FIRST_LINE_FORMAT:
        raise UsageError(f"{path}: already baseline format {found}: nothing to re-key")
    return entries
