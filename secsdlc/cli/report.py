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
    from secsdlc.history import metrics, settings
    from secsdlc.history.database import utcnow
    from secsdlc.history.store import HistoryStore
    from secsdlc.report import html

    out = Path(args.html)
    check_output(out, "--html", parents=False)
    config = settings.load_config(args.config)
    policy = settings.policy(config)
    now = utcnow()
    if args.sarif:
        from secsdlc.history.sarif_import import load_file

        page = html.render_sarif_review(load_file(Path(args.sarif)), policy=policy, now=now)
    else:
        conf = settings.history_settings(config)
        since = settings.parse_when(args.since, "--since") if args.since else None
        with HistoryStore.open(settings.store_url(args.db, conf)) as store:
            snapshot = store.snapshot(project=args.project, branch=args.branch)
        doc, states = metrics.trends(snapshot, policy, now=now, since=since, period=args.period)
        page = html.render_dashboard(doc, states, policy=policy, now=now)
    write_atomic(out, page, "--html", parents=False)
    print(f"wrote {out}")
    return EXIT_PASS
