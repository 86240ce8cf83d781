"""`secsdlc history`: record SARIF scans into the history store, register projects, list scans."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from secsdlc.errors import EXIT_PASS


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """--db and --config, shared by the history, trends and report commands."""
    parser.add_argument(
        "--db",
        metavar="URL",
        help="history database: sqlite:///PATH, postgresql://USER@HOST/DB or a file path "
        "(env SECSDLC_DB; default .secsdlc/history.db in the git repository, "
        "else the user data directory)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="configuration file (.secsdlc.toml or a pyproject.toml)",
    )


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "history",
        help="record scans (any tool's SARIF) into the remediation history",
        description="Record SARIF scans into the remediation history store and manage projects.",
    )
    sub = parser.add_subparsers(dest="history_command", metavar="SUBCOMMAND", required=True)

    record = sub.add_parser("record", help="import a SARIF file (ours, bandit, semgrep, CodeQL...)")
    record.add_argument("sarif", metavar="SARIF", help="SARIF 2.1.0 file")
    record.add_argument("--project", help="project name (default: [tool.secsdlc.history] project)")
    record.add_argument("--commit", help="commit SHA (default: from the SARIF, else git HEAD)")
    record.add_argument("--branch", help="branch (default: from the SARIF, else the git branch)")
    record.add_argument(
        "--time", help="scan time, ISO 8601 (default: SARIF invocation start, else now)"
    )
    record.add_argument(
        "--gate",
        choices=("pass", "fail"),
        help="gate outcome of this scan (default: from the SARIF, else judged by fail-on)",
    )
    add_store_options(record)

    project = sub.add_parser("project", help="register a project: correspondent, default branch")
    project.add_argument("name", metavar="NAME")
    project.add_argument("--correspondent", help="who reviews this project's findings ('' clears)")
    project.add_argument(
        "--default-branch", help="branch whose scans make the project's trends ('' clears)"
    )
    add_store_options(project)

    scans = sub.add_parser("scans", help="list recorded scans")
    scans.add_argument("--project", help="only this project")
    scans.add_argument("--format", choices=("text", "json"), default="text")
    add_store_options(scans)


def run(args: argparse.Namespace) -> int:
    handler = {"record": _record, "project": _project, "scans": _scans}[args.history_command]
    return handler(args)


def _record(args: argparse.Namespace) -> int:
    import sys

    from secsdlc.history.recording import record_sarif

    done = record_sarif(
        Path(args.sarif), project=args.project, commit=args.commit, branch=args.branch,
        when=args.time, gate=None if args.gate is None else args.gate == "pass", db=args.db,
        config=args.config)
    for warning in done.warnings:
        print(f"secsdlc: warning: {warning}", file=sys.stderr)
    outcome, project = done.outcome, done.outcome.project
    if outcome.duplicate:
        print(f"already recorded: scan #{outcome.scan_id} of {project} (nothing changed)")
    elif not outcome.complete:
        print(
            f"recorded failed scan #{outcome.scan_id} of {project}: the SARIF has no runs or a "
            f"run that failed; no finding's state changed, gate fail"
        )
    else:
        gate_text = {True: "pass", False: "fail", None: "unknown"}[outcome.gate_passed]
        absent = done.scan.skipped_absent
        extra = f", {absent} absent (fixed) skipped" if absent else ""
        print(
            f"recorded scan #{outcome.scan_id} of {project}: {outcome.findings} findings{extra}, "
            f"commit {done.commit[:12] or '-'}, branch {done.branch or '-'}, gate {gate_text}"
        )
    return EXIT_PASS


def _project(args: argparse.Namespace) -> int:
    from secsdlc.history import api

    info = api.set_project(args.name, correspondent=args.correspondent,
                           default_branch=args.default_branch, db=args.db, config=args.config)
    print(
        f"project {info.name}: correspondent {info.correspondent or '-'}, "
        f"default branch {info.default_branch or '- (most scanned branch)'}"
    )
    return EXIT_PASS


def _scans(args: argparse.Namespace) -> int:
    import json

    from secsdlc.history import api

    rows = api.scans(project=args.project, db=args.db, config=args.config)
    if args.format == "json":
        print(json.dumps(rows, indent=2))
        return EXIT_PASS
    for r in rows:
        gate = {True: "pass", False: "FAIL", None: "-"}[r["gate_passed"]]
        if not r["complete"]:
            gate += " (scan failed: not counted)"
        print(
            f"#{r['id']:<6} {r['time'][:19]}  {r['project']:<24} {r['branch'] or '-':<16} "
            f"{r['commit'][:12] or '-':<12} {r['findings']:>6} findings  gate {gate}  "
            f"{','.join(r['tools'])}"
        )
    return EXIT_PASS
