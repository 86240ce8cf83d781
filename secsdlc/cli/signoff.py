"""`secsdlc signoff --sarif FILE --key KEY`: a correspondent signs HEAD and its open findings."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("signoff", help="sign off a release: HEAD plus its open findings",
                       description="Sign the current commit together with the set of open "
                                   "(unfixed, unwaived) findings; `secsdlc gate "
                                   "--require-signoff` passes only while both are unchanged.")
    p.add_argument("--sarif", type=Path, required=True, metavar="FILE",
                   help="SARIF of the scan of HEAD")
    p.add_argument("--key", type=Path, required=True, metavar="PRIVATE_KEY")
    p.add_argument("--principal", metavar="EMAIL", help="your principal in the registry")
    p.add_argument("--root", type=Path, metavar="DIR", help="project root (default: git top)")
    p.add_argument("--config", type=Path, metavar="FILE", help=".secsdlc.toml or pyproject.toml")
    p.add_argument("--trust-root", action="append", default=[], metavar="SHA256:...",
                   help="registry trust root, to apply waivers (default: $SECSDLC_TRUST_ROOT)")
    p.add_argument("--output", "-o", type=Path, metavar="FILE",
                   help="also write the sign-off to FILE")
    p.add_argument("--no-note", action="store_true",
                   help="do not attach it as a git note (refs/notes/secsdlc-signoff)")


def run(args: argparse.Namespace) -> int:
    from secsdlc import decision
    from secsdlc.cli import common
    from secsdlc.fileio import check_output
    from secsdlc.signoff import facade as signoff

    if args.output is not None:
        check_output(args.output, "--output")
    # Open = what the gate leaves open: the gate's own decision on this SARIF, waivers applied.
    decided = decision.gate(decision.GateRequest(sarif=args.sarif, root=args.root,
                                                 config=args.config,
                                                 trust_root=tuple(args.trust_root)))
    common.print_warnings(decided.warnings)
    signed = signoff.sign_release(decided.result, decided.root, args.key, args.principal,
                                  note=not args.no_note, output=args.output)
    where = [] if args.no_note else [f"git note {signoff.NOTES_REF}"]
    where += [str(args.output)] if args.output else []
    print(f"signed off {signed.commit[:12]} with {len(signed.open)} open finding(s) as "
          f"{signed.principal} ({', '.join(where) or 'nowhere: use --output'})")
    if not args.no_note:
        print(f"  share it: git push origin refs/notes/{signoff.NOTES_REF}")
    return 0
