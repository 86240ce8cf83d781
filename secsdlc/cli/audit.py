"""`secsdlc audit verify|show`: the hash-chained log of waivers, registry changes, sign-offs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from secsdlc.sanitize import terminal


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="verify or show the audit log (.secsdlc/audit/)")
    p.add_argument("--root", type=Path, metavar="DIR", help="project root (default: git top)")
    actions = p.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    ver = actions.add_parser("verify", help="check the hash links, signatures and git history")
    ver.add_argument("--no-git", action="store_true",
                     help="skip checking that committed entries were never removed")
    ver.add_argument("--trust-root", action="append", default=[], metavar="SHA256:...",
                     help="also require signed entries to be by correspondents of the verified "
                          "registry (default: $SECSDLC_TRUST_ROOT when set)")
    actions.add_parser("show", help="print the entries, one per line")


def run(args: argparse.Namespace) -> int:
    import json

    from secsdlc.errors import EXIT_BLOCKING
    from secsdlc.signoff import facade as signoff

    root = signoff.project_root(args.root)
    if args.audit_action == "verify":
        check = signoff.verify_audit(root, args.trust_root, use_git=not args.no_git)
        if check.problem:
            print(terminal(check.problem))
            return EXIT_BLOCKING
        who = ("by correspondents" if check.signers_checked
               else "(signers not checked: no trust root)")
        print(f"audit log intact: {check.entries} entries, {check.signed} signed {who}, "
              f"{check.anchored_commits} committed version(s) checked")
        return 0
    try:
        entries = signoff.audit_entries(root)
    except signoff.AuditError as e:
        print(terminal(f"audit log NOT intact: {e}"))
        return EXIT_BLOCKING
    if entries is None:
        print("no audit log")
        return 0
    for entry in entries:
        body = entry.body
        signed = f" [{entry.signature}]" if entry.signature else ""
        print(terminal(f"{entry.id[:12]} {body['time']} {body['actor']} {body['action']} "
                       f"{json.dumps(body['data'], sort_keys=True)}{signed}"))
    return 0
