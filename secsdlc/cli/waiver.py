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
    from secsdlc.signoff import context

    root = context.project_root(args.root)
    if args.waiver_action == "request":
        return _request(args, root)
    if args.waiver_action == "approve":
        return _approve(args, root)
    return _list(args, root)


def _policy(args: argparse.Namespace, root: Path) -> Any:
    from secsdlc import config as config_mod
    from secsdlc.gate import policy

    path = args.config if args.config is not None else config_mod.find_config_file(root)
    return policy.load(config_mod.load(path, known_scanner_options={}))


def _request(args: argparse.Namespace, root: Path) -> int:
    from datetime import datetime, timezone

    from secsdlc.errors import UsageError
    from secsdlc.model import Severity
    from secsdlc.sarif.reader import read_sarif
    from secsdlc.signoff import context, waiver_requests
    from secsdlc.signoff.canonical import parse_timestamp

    try:
        expires = parse_timestamp(args.expires)
    except ValueError:
        raise UsageError(f"--expires: not a date: {args.expires!r} (YYYY-MM-DD)") from None
    scan = read_sarif(args.sarif)
    policy = _policy(args, root)
    made = waiver_requests.request(
        root, scan=scan, scan_name=str(args.sarif), fingerprints=args.fingerprint,
        reason=args.reason, expires=expires,
        max_days=lambda path: policy.effective(path, Severity.HIGH).max_waiver_days,
        requester=context.git_email(root), project=context.signed_project(root),
        now=datetime.now(timezone.utc).replace(microsecond=0))
    w = made.waiver
    print(terminal(f"{w.id}: requested, waiting for a correspondent's approval "
                   f"({made.saved.relative_to(root)}): {len(w.covered)} finding(s) of {w.rule} "
                   f"in {w.path}"))
    print(f"  secsdlc waiver approve {w.id} --key ~/.ssh/id_ed25519")
    return 0


def _approve(args: argparse.Namespace, root: Path) -> int:
    import sys

    from secsdlc.signoff import context, registry, waiver_requests, waivers

    key = context.load_key(args.key)
    principal = context.principal_for(key, registry.read_working(root), waivers.NAMESPACE,
                                      args.principal)
    w, shown = waiver_requests.review(root, args.id)
    for line in shown:
        print(line)
    if not args.yes and sys.stdin.isatty():
        try:
            answer = input(f"Sign {w.id} as {terminal(principal)}? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print(f"{w.id}: not signed")
            return 1
    waiver_requests.approve(root, w, key, principal)
    print(terminal(f"{w.id}: approved by {principal} until {w.expires.date().isoformat()}"))
    return 0


def _list(args: argparse.Namespace, root: Path) -> int:
    from datetime import datetime, timezone

    from secsdlc.model import Severity
    from secsdlc.signoff import audit, context, registry, waivers

    policy = _policy(args, root)
    found, broken = waivers.load_all(root)
    signers, problem, project = None, "", ""
    trail = audit.WaiverTrail()
    if found:
        try:
            verified = registry.verify(root, context.trust_root(args.trust_root))
            signers, project = verified.signers, verified.project
            trail = audit.waiver_trail(root, verified.ever)
        except registry.RegistryError as e:
            problem = str(e)
            context.warn(f"correspondent registry not trusted: {e}")
    now = datetime.now(timezone.utc)
    for w in found:
        st = waivers.check(w, signers=signers, registry_problem=problem, project=project,
                           trail=trail,
                           max_days=policy.effective(w.path, Severity.HIGH).max_waiver_days,
                           now=now)
        detail = f" by {st.approver}" if st.approver else ""
        detail += f": {st.why}" if st.why else f" until {w.expires.date().isoformat()}"
        print(terminal(f"{w.id}  {st.status:8}  {w.rule} {w.path} ({len(w.fingerprints)} "
                       f"finding(s), requested by {w.requester}){detail}"))
        for warning in st.warnings:
            context.warn(warning)
    for path, why in broken:
        print(terminal(f"{path.name}  invalid   {why}"))
    if not found and not broken:
        print("no waivers")
    return 0
