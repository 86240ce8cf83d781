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
    from secsdlc.errors import EXIT_BLOCKING
    from secsdlc.signoff import audit, context, registry

    root = context.project_root(args.root)
    if args.audit_action == "verify":
        trust = context.trust_root(args.trust_root)
        keys = None
        if trust:
            try:
                keys = registry.verify(root, trust).ever
            except registry.RegistryError as e:
                print(terminal(f"audit log signers cannot be checked: registry NOT trusted: "
                               f"{e}"))
                return EXIT_BLOCKING
        try:
            report = audit.verify(root, use_git=not args.no_git, correspondent_keys=keys)
        except audit.AuditError as e:
            print(terminal(f"audit log NOT intact: {e}"))
            return EXIT_BLOCKING
        who = "by correspondents" if keys is not None else "(signers not checked: no trust root)"
        print(f"audit log intact: {report.entries} entries, {report.signed} signed {who}, "
              f"{report.anchored_commits} committed version(s) checked")
        return 0
    import json

    if not (root / audit.AUDIT_DIR).exists():
        print("no audit log")
        return 0
    try:
        entries = audit.read_entries(root)
    except audit.AuditError as e:
        print(terminal(f"audit log NOT intact: {e}"))
        return EXIT_BLOCKING
    for ident, body in audit.ordered(entries):
        note = audit.signature_note(body)  # "signed" only once the signature verifies
        signed = f" [{note}]" if note else ""
        print(terminal(f"{ident[:12]} {body['time']} {body['actor']} {body['action']} "
                       f"{json.dumps(body['data'], sort_keys=True)}{signed}"))
    return 0
