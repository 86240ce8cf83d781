"""`secsdlc gate --sarif FILE`: apply the policy, waivers and sign-off to an existing SARIF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

FORMATS = ("text", "json", "sarif", "markdown")


def register(sub: Any) -> None:
    p = sub.add_parser("gate", help="apply the policy to an existing SARIF file",
                       description="Decide pass/fail on a SARIF file under the project's policy, "
                                   "signed waivers and (optionally) release sign-off; exit 0 "
                                   "pass, 1 blocking findings, 2 could not be checked.")
    p.add_argument("--sarif", type=Path, required=True, metavar="FILE", help="SARIF to gate")
    p.add_argument("--root", type=Path, metavar="DIR",
                   help="project root the SARIF paths are relative to (default: git top)")
    p.add_argument("--config", type=Path, metavar="FILE", help=".secsdlc.toml or pyproject.toml")
    p.add_argument("--fail-on", metavar="SEVERITY",
                   help="blocking severity where the policy sets none (default: config, high)")
    p.add_argument("--trust-root", action="append", default=[], metavar="SHA256:...",
                   help="correspondent trust root key fingerprint (default: $SECSDLC_TRUST_ROOT)")
    p.add_argument("--require-signoff", action="store_true",
                   help="pass only with a correspondent's sign-off of HEAD and the open findings")
    p.add_argument("--signoff", type=Path, metavar="FILE",
                   help="sign-off file (default: the git note on HEAD)")
    p.add_argument("--enforce", action="store_true",
                   help="enforce mode: only a signed configuration or the built-in defaults "
                        "(default in a CI job, by CI or its system's own variable, or with a "
                        "trust root)")
    p.add_argument("--format", "-f", choices=FORMATS, default="text")
    p.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report here")
    p.add_argument("--output-sarif", type=Path, metavar="FILE",
                   help="write the SARIF with waived results marked as suppressed")


def run(args: argparse.Namespace) -> int:
    from secsdlc import decision
    from secsdlc.cli import common

    common.check_outputs(args.output, args.output_sarif, sarif_flag="--output-sarif")
    decided = decision.gate(decision.GateRequest(
        sarif=args.sarif, root=args.root, config=args.config, fail_on=args.fail_on,
        trust_root=tuple(args.trust_root), require_signoff=args.require_signoff,
        signoff_file=args.signoff, enforce=args.enforce))
    common.print_warnings(decided.warnings)
    common.write_outputs(decided.result, decided.verdict, fmt=args.format, output=args.output,
                         sarif=args.output_sarif, sarif_flag="--output-sarif")
    return decided.exit_code
