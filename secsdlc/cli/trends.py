"""`secsdlc trends`: remediation metrics from the history store as text, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from secsdlc.cli.history import add_store_options
from secsdlc.errors import EXIT_PASS


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "trends",
        help="open findings, fix rates, time to remediate, SLA breaches, waivers, compliance",
        description="Remediation trends from recorded scans (see docs/history.md for JSON keys).",
    )
    parser.add_argument("--project", help="only this project (default: all projects)")
    parser.add_argument("--since", metavar="DATE", help="only periods and events from DATE on")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
    parser.add_argument(
        "--period", choices=("auto", "day", "week", "month"), default="auto",
        help="bucket size of the time series (auto: by the span of history)",
    )
    parser.add_argument(
        "--branch", help="use this branch's scans (default: each project's default branch)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_store_options(parser)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from secsdlc.fileio import check_output, write_atomic
    from secsdlc.history import api, formats

    if args.output:
        check_output(Path(args.output), "--output", parents=False)
    doc = api.trends(project=args.project, branch=args.branch, since=args.since,
                     period=args.period, db=args.db, config=args.config).doc
    render = {"text": formats.to_text, "json": formats.to_json, "csv": formats.to_csv}
    text = render[args.format](doc)
    if args.output:
        write_atomic(Path(args.output), text, "--output", parents=False)
    else:
        sys.stdout.write(text)
    return EXIT_PASS
