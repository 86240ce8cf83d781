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
    from secsdlc.errors import UsageError
    from secsdlc.history import location, settings
    from secsdlc.history.sarif_import import load_file
    from secsdlc.history.store import HistoryStore, utcnow

    config = settings.load_config(args.config)
    conf = settings.history_settings(config)
    policy = settings.policy(config)
    project = args.project or conf.project or policy.project
    if not project:
        raise UsageError(
            "history record: --project is required (or set project in [history] or [policy])"
        )
    when = settings.parse_when(args.time, "--time") if args.time else None
    scan = load_file(Path(args.sarif))  # before opening the store: bad input changes nothing
    git_commit, git_branch = (None, None)
    if not (args.commit or scan.commit) or not (args.branch or scan.branch):
        git_commit, git_branch = location.git_head(Path.cwd())
    commit = args.commit or scan.commit or git_commit or ""
    branch = args.branch or scan.branch or git_branch or ""
    gate = None if args.gate is None else args.gate == "pass"
    with HistoryStore.open(settings.store_url(args.db, conf)) as store:
        outcome = store.record(
            scan,
            project=project,
            commit=commit,
            branch=branch,
            scanned_at=when or scan.started_at or utcnow(),
            gate_passed=gate,
            fail_on=policy.fail_on,
        )
        correspondent = conf.correspondent or _registered_correspondents(store, project)
        if correspondent or conf.default_branch:
            store.set_project(
                project, correspondent=correspondent, default_branch=conf.default_branch
            )
    if outcome.duplicate:
        print(f"already recorded: scan #{outcome.scan_id} of {project} (nothing changed)")
    elif not outcome.complete:
        print(
            f"recorded failed scan #{outcome.scan_id} of {project}: the SARIF has no runs or a "
            f"run that failed; no finding's state changed, gate fail"
        )
    else:
        gate_text = {True: "pass", False: "fail", None: "unknown"}[outcome.gate_passed]
        extra = f", {scan.skipped_absent} absent (fixed) skipped" if scan.skipped_absent else ""
        print(
            f"recorded scan #{outcome.scan_id} of {project}: {outcome.findings} findings{extra}, "
            f"commit {commit[:12] or '-'}, branch {branch or '-'}, gate {gate_text}"
        )
    return EXIT_PASS


def _registered_correspondents(store: Any, project: str) -> str | None:
    """The repository's correspondent registry as on disk, for a project that names nobody yet.

    Only a compliance indicator: the gate verifies the registry's signatures where it matters.
    """
    import sys

    from secsdlc import vcs
    from secsdlc.signoff import registry

    info = store.project(project)
    if info is not None and info.correspondent:
        return None
    root = vcs.top(Path.cwd())
    if root is None:
        return None
    try:
        signers = registry.read_working(root)
    except registry.RegistryError as e:
        print(f"secsdlc: warning: correspondents not read: {e}", file=sys.stderr)
        return None
    if signers is None:
        return None
    names = [p for s in signers.signers for p in s.principals if not p.startswith("!")]
    return ", ".join(dict.fromkeys(names))[:320] or None


def _project(args: argparse.Namespace) -> int:
    from secsdlc.history import settings
    from secsdlc.history.store import HistoryStore

    config = settings.load_config(args.config)
    conf = settings.history_settings(config)
    with HistoryStore.open(settings.store_url(args.db, conf)) as store:
        info = store.set_project(
            args.name, correspondent=args.correspondent, default_branch=args.default_branch
        )
    print(
        f"project {info.name}: correspondent {info.correspondent or '-'}, "
        f"default branch {info.default_branch or '- (most scanned branch)'}"
    )
    return EXIT_PASS


def _scans(args: argparse.Namespace) -> int:
    import json

    from secsdlc.history import settings
    from secsdlc.history.store import HistoryStore

    config = settings.load_config(args.config)
    conf = settings.history_settings(config)
    with HistoryStore.open(settings.store_url(args.db, conf)) as store:
        names = {p.id: p.name for p in store.projects()}
        scans = store.scans(args.project)
    rows: list[dict[str, Any]] = [
        {
            "id": s.id,
            "project": names.get(s.project_id, "?"),
            "time": s.scanned_at.isoformat() + "Z",
            "commit": s.commit,
            "branch": s.branch,
            "tools": list(s.tools),
            "findings": s.finding_count,
            "gate_passed": s.gate_passed,
            "complete": s.complete,
            "source": s.source,
        }
        for s in scans
    ]
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
