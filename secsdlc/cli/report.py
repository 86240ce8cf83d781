"""`secsdlc report`: a self-contained HTML dashboard from history, or a review page of one SARIF."""

from __future__ import annotations

import argparse
from typing import Any

from secsdlc.cli.history import add_store_options
from secsdlc.errors import EXIT_PASS


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write an HTML dashboard (trends + findings review) or a SARIF review page",
        description="Without SARIF: dashboard of the history store. With SARIF: review page of "
        "that one file. The HTML is self-contained (no network).",
    )
    parser.add_argument("sarif", metavar="SARIF", nargs="?", help="render this SARIF file only")
    parser.add_argument("--html", metavar="OUT.html", required=True, help="file to write")
    parser.add_argument("--project", help="only this project (default: all projects)")
    parser.add_argument("--since", metavar="DATE", help="only periods and events from DATE on")
    parser.add_argument("--branch", help="use this branch's scans (default: the default branch)")
    parser.add_argument(
        "--period", choices=("auto", "day", "week", "month"), default="auto",
        help="bucket size of the charts",
    )
    add_store_options(parser)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from secsdlc.fileio import check_output, write_atomic
    from secsdlc.history import api
    from secsdlc.report import html

    out = Path(args.html)
    check_output(out, "--html", parents=False)
    if args.sarif:
        review = api.review(Path(args.sarif), config=args.config)
        page = html.render_sarif_review(review.scan, policy=review.policy, now=review.now)
    else:
        trends = api.trends(project=args.project, branch=args.branch, since=args.since,
                            period=args.period, details=True, db=args.db, config=args.config)
        page = html.render_dashboard(trends.doc, trends.states, policy=trends.policy,
                                     now=trends.now)
    write_atomic(out, page, "--html", parents=False)
    print(f"wrote {out}")
    return EXIT_PASS
