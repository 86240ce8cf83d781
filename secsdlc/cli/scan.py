"""`secsdlc scan [PATH ...]`: run the scanners, write the report, apply the gate."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

FORMATS = ("text", "json", "sarif", "markdown")


def register(sub: Any) -> None:
    p = sub.add_parser("scan", help="scan files or directories and apply the gate",
                       description="Scan with every enabled scanner; exit 0 pass, 1 blocking "
                                   "findings, 2 usage/configuration error or a scanner failure.")
    add_scan_arguments(p)
    p.add_argument("--format", "-f", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report here")
    p.add_argument("--sarif", type=Path, metavar="FILE",
                   help="also write SARIF to FILE, whatever --format says")
    p.add_argument("--baseline", type=Path, metavar="FILE",
                   help="findings in this baseline file do not block (secsdlc baseline create)")
    p.add_argument("--trust-root", action="append", default=[], metavar="SHA256:...",
                   help="correspondent trust root key fingerprint (or SECSDLC_TRUST_ROOT)")
    p.add_argument("--require-signoff", action="store_true",
                   help="pass only with a correspondent's release sign-off of this state")
    p.add_argument("--show-info", action="store_true", help="list info-level findings too")


def add_scan_arguments(p: Any) -> None:
    """What selects and runs the scanners; shared with `secsdlc baseline create`."""
    p.add_argument("paths", nargs="*", type=Path, default=[], metavar="PATH",
                   help="files or directories (default: .)")
    p.add_argument("--scanners", metavar="A,B", help="comma-separated scanners to run")
    p.add_argument("--fail-on", metavar="SEVERITY",
                   help="lowest blocking severity: critical, high (default), medium, low, info")
    p.add_argument("--config", type=Path, metavar="FILE",
                   help=".secsdlc.toml or pyproject.toml (default: found from the scan root)")
    p.add_argument("--root", type=Path, metavar="DIR",
                   help="scan root that paths in reports are relative to (default: the single "
                        "directory given, else the current directory)")
    p.add_argument("--vuln-source", choices=("offline", "osv", "pypi"),
                   help="dependency vulnerability data (default: offline database)")
    p.add_argument("--env", action="store_true", help="also audit the installed environment")
    p.add_argument("--staged", action="store_true",
                   help="scan the content staged for commit; findings already in HEAD do not "
                        "block")
    p.add_argument("--diff-base", metavar="REF",
                   help="only findings introduced since the merge base with REF block")
    p.add_argument("--diff-head", metavar="REF",
                   help="scan commit REF instead of the work tree (a push: what it sends)")
    p.add_argument("--shard", metavar="I/N", help="scan only shard I of N (a CI matrix)")
    p.add_argument("--no-cache", action="store_true", help="do not use the result cache")
    p.add_argument("--no-progress", action="store_true", help="no progress display")


def _root(args: argparse.Namespace) -> Path:
    if args.root is not None:
        return Path(args.root).resolve()
    if len(args.paths) == 1 and args.paths[0].is_dir():
        return Path(args.paths[0]).resolve()
    return Path.cwd().resolve()


def _shard(value: str | None) -> tuple[int, int] | None:
    from secsdlc.errors import UsageError

    if value is None:
        return None
    try:
        index, count = (int(x) for x in value.split("/"))
    except ValueError:
        raise UsageError(f"--shard {value!r}: expected I/N, e.g. 2/4") from None
    if not 1 <= index <= count:
        raise UsageError(f"--shard {value!r}: I must be between 1 and N")
    return index, count


def execute(args: argparse.Namespace) -> tuple[Any, Any, Path]:
    """Run the scan the arguments describe; return (ScanResult, Config, root)."""
    from secsdlc.cache import ResultCache
    from secsdlc.cli import common
    from secsdlc.engine import ScanPlan, scan
    from secsdlc.errors import UsageError

    root = _root(args)
    if not root.is_dir():
        raise UsageError(f"scan root is not a directory: {root}")
    paths = tuple(args.paths) or (root,)
    scanners, config = common.load_scanners_and_config(args.config, root, args.scanners)
    overrides: dict[str, dict[str, object]] = {}
    if args.vuln_source:
        overrides.setdefault("deps", {})["vuln-source"] = args.vuln_source
    if args.env:
        overrides.setdefault("deps", {})["env"] = True
    plan = ScanPlan(root=root, paths=paths, config=config, scanners=scanners,
                    option_overrides=overrides, shard=_shard(args.shard),
                    cache=None if args.no_cache else ResultCache())
    progress = common.Progress(enabled=not args.no_progress and sys.stderr.isatty())
    with progress:
        if args.staged or args.diff_base or args.diff_head:
            if plan.shard:
                raise UsageError("--shard cannot be combined with --staged, --diff-base or "
                                 "--diff-head")
            if args.staged and args.diff_head:
                raise UsageError("--staged and --diff-head name two different contents to scan: "
                                 "give one")
            from secsdlc import diffscan

            request = diffscan.DiffRequest(staged=args.staged, diff_base=args.diff_base,
                                           diff_head=args.diff_head)
            result = diffscan.run(plan, request, progress=progress.update)
            root = Path(result.root)
        else:
            result = scan(plan, progress=progress.update)
    return result, config, root


def run(args: argparse.Namespace) -> int:
    from secsdlc import baseline
    from secsdlc.cli import common
    from secsdlc.errors import EXIT_BLOCKING, EXIT_PASS, EXIT_USAGE, UsageError
    from secsdlc.gate.pipeline import GateOptions, decide
    from secsdlc.model import Severity

    fail_on: Severity | None = None
    if args.fail_on:
        try:
            fail_on = Severity.parse(args.fail_on)
        except ValueError as e:
            raise UsageError(f"--fail-on: {e}") from None
    entries = baseline.load(args.baseline) if args.baseline else None
    result, config, root = execute(args)
    if entries is not None:
        result = baseline.apply(result, entries)
    trust_root = tuple(args.trust_root) or tuple(
        t for t in os.environ.get("SECSDLC_TRUST_ROOT", "").replace(",", " ").split() if t)
    result, verdict = decide(result, config, root, GateOptions(
        fail_on=fail_on or config.fail_on, trust_root=trust_root,
        require_signoff=args.require_signoff))
    common.write_outputs(result, verdict, fmt=args.format, output=args.output,
                         sarif=args.sarif, show_info=args.show_info)
    if verdict.error:
        return EXIT_USAGE
    return EXIT_PASS if verdict.passed else EXIT_BLOCKING
