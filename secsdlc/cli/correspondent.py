"""`secsdlc correspondent add|remove|list|verify|sign-override`: the signed registry."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from secsdlc.sanitize import terminal


def register(sub: Any) -> None:
    p = sub.add_parser("correspondent", help="manage the signed security-correspondent registry",
                       description="The registry (.secsdlc/correspondents, OpenSSH allowed_signers "
                                   "format) may only be changed by an existing correspondent.")
    p.add_argument("--root", type=Path, metavar="DIR", help="project root (default: git top)")
    actions = p.add_subparsers(dest="correspondent_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a correspondent, signed by an existing one")
    add.add_argument("principal", metavar="PRINCIPAL", help="e-mail of the new correspondent")
    add.add_argument("pubkey", type=Path, metavar="PUBKEY_FILE", help="their SSH public key")
    add.add_argument("--key", type=Path, required=True, metavar="SIGNER_KEY",
                     help="your private key (first correspondent: the trust-root key)")
    add.add_argument("--namespaces", metavar="A,B",
                     help="restrict the key to these signature namespaces")
    add.add_argument("--project", metavar="NAME",
                     help="the project waivers, sign-offs and relaxations are bound to (signed "
                          "with the registry; default: the current version's)")

    rm = actions.add_parser("remove", help="remove a correspondent, signed by an existing one")
    rm.add_argument("principal", metavar="PRINCIPAL")
    rm.add_argument("--key", type=Path, required=True, metavar="SIGNER_KEY")

    actions.add_parser("list", help="list correspondents (as on disk)")

    ver = actions.add_parser("verify", help="check the registry's chain of custody in git")
    ver.add_argument("--trust-root", action="append", default=[], metavar="SHA256:...",
                     help="trust root key fingerprint (default: $SECSDLC_TRUST_ROOT)")

    so = actions.add_parser("sign-override",
                            help="sign a policy override that relaxes the inherited policy")
    so.add_argument("directory", metavar="DIR", help="the override's directory, as in the policy")
    so.add_argument("--key", type=Path, required=True, metavar="PRIVATE_KEY")
    so.add_argument("--config", type=Path, metavar="FILE", help=".secsdlc.toml or pyproject.toml")


def run(args: argparse.Namespace) -> int:
    from secsdlc.signoff import context

    root = context.project_root(args.root)
    action = args.correspondent_action
    if action == "add":
        return _add(args, root)
    if action == "remove":
        return _remove(args, root)
    if action == "list":
        return _list(root)
    if action == "verify":
        return _verify(args, root)
    return _sign_override(args, root)


def _current_text(root: Path) -> str:
    from secsdlc.signoff import registry

    path = root / registry.REGISTRY_FILE
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _add(args: argparse.Namespace, root: Path) -> int:
    from secsdlc.errors import UsageError
    from secsdlc.fileio import read_text
    from secsdlc.signoff import allowed_signers, audit, context, registry, sshsig

    fields = read_text(args.pubkey, "public key", limit=64 * 1024).split()
    if len(fields) < 2:
        raise UsageError(f"{args.pubkey}: not an OpenSSH public key")
    try:
        newcomer = sshsig.SshPublicKey.parse(fields[0], fields[1])
    except sshsig.SignatureError as e:
        raise UsageError(f"{args.pubkey}: {e}") from e
    current = registry.read_working(root)
    if current is not None and any(s.matches_principal(args.principal) and s.key == newcomer
                                   for s in current.signers):
        raise UsageError(f"{args.principal} with this key is already a correspondent")
    namespaces = tuple(n for n in (args.namespaces or "").split(",") if n) or None
    text = _current_text(root)
    if text and not text.endswith("\n"):
        text += "\n"
    text += allowed_signers.format_line(args.principal, newcomer, namespaces)
    key = context.load_key(args.key)
    signer = registry.write_signed(root, text, key, project=args.project)
    actor = (context.principal_for(key, current, registry.NAMESPACE, None)
             if current is not None else args.principal)
    audit.append(root, action="correspondent-add", actor=actor, key=key,
                 data={"principal": args.principal, "key": newcomer.fingerprint})
    print(terminal(f"added {args.principal} ({newcomer.fingerprint}), signed by "
                   f"{signer.fingerprint}"))
    if current is None:
        print(f"first version of the registry: CI must trust this signer, e.g.\n"
              f"  SECSDLC_TRUST_ROOT={signer.fingerprint}")
    print(f"commit {registry.REGISTRY_FILE} and {registry.SIGNATURE_FILE}")
    return 0


def _remove(args: argparse.Namespace, root: Path) -> int:
    from secsdlc.errors import UsageError
    from secsdlc.signoff import audit, context, registry
    from secsdlc.signoff.allowed_signers import same_principal

    current = registry.read_working(root)
    if current is None:
        raise UsageError(f"no registry at {root / registry.REGISTRY_FILE}")
    lines = _current_text(root).splitlines(keepends=True)
    drop = {s.line for s in current.signers
            if any(same_principal(args.principal, p) for p in s.principals)}
    if not drop:
        raise UsageError(f"{args.principal} is not in {registry.REGISTRY_FILE}")
    kept = "".join(line for number, line in enumerate(lines, start=1) if number not in drop)
    key = context.load_key(args.key)
    actor = context.principal_for(key, current, registry.NAMESPACE, None)
    registry.write_signed(root, kept, key)
    audit.append(root, action="correspondent-remove", actor=actor, key=key,
                 data={"principal": args.principal})
    print(f"removed {args.principal}; commit {registry.REGISTRY_FILE} and "
          f"{registry.SIGNATURE_FILE}")
    return 0


def _list(root: Path) -> int:
    from secsdlc.signoff import registry

    current = registry.read_working(root)
    if current is None:
        print("no correspondents")
        return 0
    for s in current.signers:
        ns = f"  namespaces={','.join(s.namespaces)}" if s.namespaces else ""
        print(terminal(f"{','.join(s.principals)}  {s.key.key_type} {s.key.fingerprint}{ns}"))
    return 0


def _verify(args: argparse.Namespace, root: Path) -> int:
    from secsdlc.errors import EXIT_BLOCKING
    from secsdlc.signoff import context, registry

    trust = context.trust_root(args.trust_root)
    try:
        verified = registry.verify(root, trust)
    except registry.RegistryError as e:
        print(terminal(f"registry NOT trusted: {e}"))
        return EXIT_BLOCKING
    project = f", project {verified.project!r}" if verified.project else ", no project"
    print(terminal(f"registry trusted: version {verified.version}{project}, "
                   f"{len(verified.signers.signers)} correspondent(s), "
                   f"{verified.versions_checked} signed version(s) checked back to the trust "
                   "root"))
    return 0


def _sign_override(args: argparse.Namespace, root: Path) -> int:
    import hashlib

    from secsdlc import config as config_mod
    from secsdlc.errors import UsageError
    from secsdlc.gate import policy
    from secsdlc.signoff import audit, context, registry, sshsig

    path = args.config if args.config is not None else config_mod.find_config_file(root)
    table = config_mod.load(path, known_scanner_options={}).sections.get("policy", {})
    overrides = table.get("overrides", {}) if isinstance(table, dict) else {}
    body = overrides.get(args.directory) if isinstance(overrides, dict) else None
    if not isinstance(body, dict):
        raise UsageError(f"{path}: no policy override for {args.directory!r}")
    unsigned = {k: v for k, v in body.items() if k != "signature"}
    # Parse it as the gate will, so the signed bytes are exactly those it checks.
    parsed = policy.parse({**table, "overrides": {args.directory: {**unsigned,
                                                                    "signature": "pending"}}},
                          source=str(path))
    override = next(o for o in parsed.overrides if o.key.endswith(f'"{args.directory}"'))
    key = context.load_key(args.key)
    principal = context.principal_for(key, registry.read_working(root), policy.POLICY_NAMESPACE,
                                      None)
    signed = policy.relaxation_bytes(context.signed_project(root), override)
    signature = sshsig.sign(key, signed, policy.POLICY_NAMESPACE)
    audit.append(root, action="override-sign", actor=principal, key=key,
                 data={"override": args.directory,
                       "sha256": hashlib.sha256(signed).hexdigest()})
    print(f'# add to [{override.key}] in {path}:')
    print(f'signature = """\n{signature}"""')
    return 0
