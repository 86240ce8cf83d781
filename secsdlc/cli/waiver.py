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

    req = actions.add_parser("request", help="write .secsdlc/waivers/<id>.json")
    req.add_argument("--fingerprint", action="append", required=True, metavar="FP",
                     help="fingerprint of a finding to waive (repeatable)")
    req.add_argument("--reason", required=True, help="why the finding is accepted")
    req.add_argument("--expires", required=True, metavar="DATE",
                     help="YYYY-MM-DD (the waiver stops applying at 00:00 UTC that day)")
    req.add_argument("--sarif", type=Path, metavar="FILE",
                     help="SARIF to look the findings up in (rule, path, severity)")
    req.add_argument("--rule", help="rule id, when not looked up in --sarif")
    req.add_argument("--path", help="file path relative to the root, when not in --sarif")
    req.add_argument("--severity", help="finding severity, when not looked up in --sarif")

    appr = actions.add_parser("approve", help="sign a waiver as a correspondent")
    appr.add_argument("id", metavar="ID")
    appr.add_argument("--key", type=Path, required=True, metavar="PRIVATE_KEY")
    appr.add_argument("--principal", metavar="EMAIL", help="your principal in the registry")

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
    from datetime import datetime, timedelta, timezone

    from secsdlc.errors import UsageError
    from secsdlc.model import Severity
    from secsdlc.signoff import audit, context, waivers
    from secsdlc.signoff.canonical import parse_timestamp, timestamp

    fps = tuple(dict.fromkeys(args.fingerprint))
    if args.sarif is not None:
        found = {f.fingerprint: f for f in context.read_sarif(args.sarif).findings}
        missing = [fp for fp in fps if fp not in found]
        if missing:
            raise UsageError(f"{args.sarif}: no finding with fingerprint {', '.join(missing)}")
        picked = [found[fp] for fp in fps]
        rules = {f.rule_id for f in picked}
        paths = {f.location.path for f in picked}
        if len(rules) > 1 or len(paths) > 1:
            raise UsageError("one waiver covers findings of one rule in one file: found rules "
                             f"{', '.join(sorted(rules))} in {', '.join(sorted(paths))}")
        rule, path = rules.pop(), paths.pop()
        severity = max((f.severity for f in picked), key=lambda s: s.rank)
    else:
        if not (args.rule and args.path and args.severity):
            raise UsageError("give --sarif FILE, or all of --rule, --path and --severity")
        rule, path = args.rule, args.path
        try:
            severity = Severity.parse(args.severity)
        except ValueError as e:
            raise UsageError(f"--severity: {e}") from None
    try:
        expires = parse_timestamp(args.expires)
    except ValueError:
        raise UsageError(f"--expires: not a date: {args.expires!r} (YYYY-MM-DD)") from None
    policy = _policy(args, root)
    limit = policy.effective(path, Severity.HIGH).max_waiver_days[severity]
    now = datetime.now(timezone.utc).replace(microsecond=0)
    if expires - now > timedelta(days=limit):
        latest = (now + timedelta(days=limit)).date().isoformat()
        raise UsageError(f"--expires {args.expires}: the policy allows at most {limit} days for "
                         f"a {severity.value} finding in {path} (latest {latest})")
    requester = context.git_email(root)
    w = waivers.new_waiver(project=context.signed_project(root), fingerprints=fps, rule=rule,
                           path=path, severity=severity, reason=args.reason, requester=requester,
                           created=now, expires=expires)
    saved = waivers.save(root, w)
    audit.append(root, action="waiver-request", actor=requester,
                 data={"waiver": w.id, "fingerprints": list(w.fingerprints), "rule": rule,
                       "path": path, "expires": timestamp(expires)})
    print(terminal(f"{w.id}: requested, waiting for a correspondent's approval "
                   f"({saved.relative_to(root)})"))
    print(f"  secsdlc waiver approve {w.id} --key ~/.ssh/id_ed25519")
    return 0


def _approve(args: argparse.Namespace, root: Path) -> int:
    from secsdlc.errors import SecsdlcError
    from secsdlc.signoff import audit, context, registry, waivers
    from secsdlc.signoff.allowed_signers import same_principal

    w = waivers.load(waivers.path_for(root, args.id))
    if waivers.content_id(w.request_content()) != w.id:
        raise SecsdlcError(f"{w.source}: content does not match its id (edited after request); "
                           "refusing to sign")
    key = context.load_key(args.key)
    principal = context.principal_for(key, registry.read_working(root), waivers.NAMESPACE,
                                      args.principal)
    if same_principal(principal, w.requester):
        raise SecsdlcError(f"{w.id} was requested by {w.requester}: a correspondent cannot "
                           "approve their own waiver")
    approved = waivers.approve(w, key, principal)
    waivers.save(root, approved)
    audit.append(root, action="waiver-approve", actor=principal,
                 data={"waiver": w.id, "requester": w.requester}, key=key)
    print(terminal(f"{w.id}: approved by {principal} until {w.expires.date().isoformat()}"))
    print(terminal(f"  covers {len(w.fingerprints)} finding(s) of {w.rule} in {w.path}: "
                   f"{w.reason}"))
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
