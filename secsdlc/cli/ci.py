"""`secsdlc ci github`: the GitHub Action's logic (scan, summary, annotations, outputs, upload)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("ci", help="run inside a CI system (GitHub Actions)")
    systems = p.add_subparsers(dest="ci_system", metavar="SYSTEM", required=True)
    g = systems.add_parser(
        "github", help="scan in GitHub Actions: job summary, annotations, outputs, upload SARIF",
        description="Scan (diff-aware on pull requests) or gate a merged SARIF, then write the "
                    "job summary, error annotations for new blocking findings, step outputs and "
                    "a SARIF file for code scanning without suppressed results. Reads "
                    "GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT... "
                    "Exit code: the gate's (0 pass, 1 blocking findings, 2 could not check).")
    g.add_argument("paths", nargs="*", type=Path, default=[], metavar="PATH",
                   help="files or directories to scan (default: .)")
    g.add_argument("--root", type=Path, metavar="DIR", help="scan root (as for secsdlc scan)")
    g.add_argument("--config", type=Path, metavar="FILE", help=".secsdlc.toml or pyproject.toml")
    g.add_argument("--scanners", metavar="A,B", help="comma-separated scanners to run")
    g.add_argument("--fail-on", metavar="SEVERITY", help="blocking severity where the policy "
                                                         "sets none")
    g.add_argument("--trust-root", action="append", default=[], metavar="SHA256:...",
                   help="correspondent trust root key fingerprint (or SECSDLC_TRUST_ROOT)")
    g.add_argument("--require-signoff", action="store_true",
                   help="pass only with a correspondent's release sign-off")
    g.add_argument("--diff-aware", choices=("auto", "true", "false"), default="auto",
                   help="only findings a pull request introduces block (auto: on for "
                        "pull_request, pull_request_target and merge_group events)")
    g.add_argument("--diff-base", metavar="REF", help="compare with this ref instead of the "
                                                      "event's base commit")
    g.add_argument("--from-sarif", type=Path, nargs="+", default=[], metavar="FILE",
                   help="gate these SARIF files instead of scanning (a matrix's shards: merged "
                        "first, one run per scanner)")
    g.add_argument("--output-dir", type=Path, default=Path("secsdlc-results"), metavar="DIR",
                   help="where the full and the upload SARIF go (default: secsdlc-results)")
    g.add_argument("--category", default="secsdlc",
                   help="code scanning category prefix; runs get <category>/<scanner>/ "
                        "(default: secsdlc)")
    g.add_argument("--max-annotations", type=int, default=10, metavar="N",
                   help="error annotations to emit (GitHub shows 10 per step; default 10)")


def run(args: argparse.Namespace) -> int:
    import sys

    from secsdlc import sanitize
    from secsdlc.ci import github
    from secsdlc.cli.common import print_warnings
    from secsdlc.errors import UsageError

    if args.max_annotations < 1:
        raise UsageError("--max-annotations must be at least 1")
    _check_output_dir(args.output_dir)
    outcome = github.run(github.Options(
        paths=tuple(args.paths), root=args.root, config=args.config, scanners=args.scanners,
        fail_on=args.fail_on, trust_root=tuple(args.trust_root),
        require_signoff=args.require_signoff, diff_aware=args.diff_aware,
        diff_base=args.diff_base, from_sarif=tuple(args.from_sarif), out_dir=args.output_dir,
        category=args.category, max_annotations=args.max_annotations))
    print_warnings(outcome.warnings)
    for error in outcome.errors:
        print(f"secsdlc: error: {sanitize.terminal(error)}", file=sys.stderr)
    return github.exit_code(outcome)


def _check_output_dir(path: Path) -> None:
    from secsdlc.errors import UsageError

    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            if not candidate.is_dir():
                what = "is" if candidate == path else f"has {candidate} as a parent, which is"
                raise UsageError(f"--output-dir {path}: {what} a file, not a directory")
            import os

            if not os.access(candidate, os.W_OK | os.X_OK):
                raise UsageError(f"--output-dir {path}: {candidate} is not writable")
            return
