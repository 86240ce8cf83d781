"""`secsdlc waiver request|approve|list`: signed derogations for findings that will not be fixed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from secsdlc.sanitize import terminal


def register(sub: Any) -> None:
    p = sub.add_parser("waiver", help="request, approve and list signed waivers",
                       description="A waiver accepts findings instead of fixing them; it counts "
                                   "only once a correspondent other than the requester signs it.")
    p.add_argument("--root", type=Path, metavar="DIR", help="project root (default: git top)")
    p.add_argument("--config", type=Path, metavar="FILE", help=".secsdlc.toml or pyproject.toml")
    actions = p.add_subparsers(dest="waiver_action", metavar="ACTION", required=True)

    req = actions.add_parser("request", help="write .secsdlc/waivers/<id>.json",
                             description="Request a waiver for findings of a scan: the request "
                                         "records each one (rule, file, lines, severity, code) "
                                         "for the approver to read.")
    req.add_argument("--sarif", type=Path, required=True, metavar="FILE",
                     help="SARIF of the scan that found the findings")
    req.add_argument("--fingerprint", action="append", required=True, metavar="FP",
                     help="fingerprint of a finding in --sarif to waive (repeatable)")
    req.add_argument("--reason", required=True, help="why the finding is accepted")
    req.add_argument("--expires", required=True, metavar="DATE",
                     help="YYYY-MM-DD (the waiver stops applying at 00:00 UTC that day)")

    appr = actions.add_parser("approve", help="sign a waiver as a correspondent")
    appr.add_argument("id", metavar="ID")
    appr.add_argument("--key", type=Path, required=True, metavar="PRIVATE_KEY")
    appr.add_argument("--principal", metavar="EMAIL", help="your principal in the registry")
    appr.add_argument("--yes", action="store_true",
                      help="sign without asking (the covered findings are still printed)")

    lst = actions.add_parser("list", help="every waiver with its status and why")
    lst.add_argument("--trust-root", action="append", default=[], metavar="SHA256:...",
                     help="registry trust root (default: $SECSDLC_TRUST_ROOT)")


def run(args: argparse.Namespace) -> int:
    from secsdlc.signoff import facade as signoff

    root = signoff.project_root(args.root)
    if args.waiver_action == "request":
        return _request(args, root)
    if args.waiver_action == "approve":
        return _approve(args, root)
    return _list(args, root)


def _request(args: argparse.Namespace, root: Path) -> int:
    from secsdlc.errors import UsageError
    from secsdlc.signoff import facade as signoff

    try:
        expires = signoff.parse_timestamp(args.expires)
    except ValueError:
        raise UsageError(f"--expires: not a date: {args.expires!r} (YYYY-MM-DD)") from None
    made = signoff.request_waiver(root, config_path=args.config, sarif=args.sarif,
                                  fingerprints=args.fingerprint, reason=args.reason,
                                  expires=expires)
    w = made.waiver
    print(terminal(f"{w.id}: requested, waiting for a correspondent's approval "
                   f"({made.saved.relative_to(root)}): {len(w.covered)} finding(s) of {w.rule} "
                   f"in {w.path}"))
    print(f"  secsdlc waiver approve {w.id} --key ~/.ssh/id_ed25519")
    return 0


def _approve(args: argparse.Namespace, root: Path) -> int:
    import sys

    from secsdlc.signoff import facade as signoff

    review = signoff.review_waiver(root, args.id, args.key, args.principal)
    w = review.waiver
    for line in review.shown:
        print(line)
    if not args.yes and sys.stdin.isatty():
        try:
            answer = input(f"Sign {w.id} as {terminal(review.principal)}? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print(f"{w.id}: not signed")
            return 1
    signoff.approve_waiver(root, review)
    print(terminal(f"{w.id}: approved by {review.principal} until "
                   f"{w.expires.date().isoformat()}"))
    return 0


def _list(args: argparse.Namespace, root: Path) -> int:
    from secsdlc.cli.common import print_warnings
    from secsdlc.signoff import facade as signoff

    listed = signoff.list_waivers(root, args.config, args.trust_root)
    if listed.registry_problem:
        print_warnings((f"correspondent registry not trusted: {listed.registry_problem}",))
    for st in listed.statuses:
        w = st.waiver
        detail = f" by {st.approver}" if st.approver else ""
        detail += f": {st.why}" if st.why else f" until {w.expires.date().isoformat()}"
        print(terminal(f"{w.id}  {st.status:8}  {w.rule} {w.path} ({len(w.fingerprints)} "
                       f"finding(s), requested by {w.requester}){detail}"))
        print_warnings(st.warnings)
    for path, why in listed.broken:
        print(terminal(f"{path.name}  invalid   {why}"))
    if not listed.statuses and not listed.broken:
        print("no waivers")
    return 0
