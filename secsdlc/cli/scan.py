"""`secsdlc scan [PATH ...]`: run the scanners, write the report, apply the gate."""

from __future__ import annotations

import argparse
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
    p.add_argument("--enforce", action="store_true",
                   help="enforce mode: only trusted configuration can lower the verdict, and a "
                        "file that could not be scanned fails (default in a CI job, by CI or its "
                        "system's own variable such as GITHUB_ACTIONS or JENKINS_URL, or with a "
                        "trust root)")
    p.add_argument("--no-progress", action="store_true", help="no progress display")


def request(args: argparse.Namespace) -> Any:
    """The decision.ScanRequest the arguments describe (scan and baseline create)."""
    from secsdlc.decision import ScanRequest

    return ScanRequest(
        paths=tuple(args.paths), root=args.root, config=args.config, scanners=args.scanners,
        fail_on=args.fail_on, vuln_source=args.vuln_source, env=args.env, staged=args.staged,
        diff_base=args.diff_base, diff_head=args.diff_head, shard=args.shard,
        cache=not args.no_cache, baseline=getattr(args, "baseline", None),
        trust_root=tuple(getattr(args, "trust_root", ())),
        require_signoff=getattr(args, "require_signoff", False), enforce=args.enforce)


def run(args: argparse.Namespace) -> int:
    from secsdlc import decision
    from secsdlc.cli import common

    common.check_outputs(args.output, args.sarif)
    with common.Progress(enabled=not args.no_progress and sys.stderr.isatty()) as progress:
        decided = decision.scan(request(args), progress=progress.update)
    common.print_warnings(decided.warnings)
    common.write_outputs(decided.result, decided.verdict, fmt=args.format, output=args.output,
                         sarif=args.sarif, show_info=args.show_info)
    return decided.exit_code
