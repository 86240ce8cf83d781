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
    from secsdlc.signoff import facade as signoff

    root = signoff.project_root(args.root)
    action = args.correspondent_action
    if action == "add":
        return _add(args, root)
    if action == "remove":
        signoff.remove_correspondent(root, args.principal, args.key)
        print(f"removed {args.principal}; commit {signoff.REGISTRY_FILE} and "
              f"{signoff.SIGNATURE_FILE}")
        return 0
    if action == "list":
        return _list(root)
    if action == "verify":
        return _verify(args, root)
    signed = signoff.sign_override(root, args.config, args.directory, args.key)
    print(f'# add to [{signed.key}] in {signed.config}:')
    print(f'signature = """\n{signed.signature}"""')
    return 0


def _add(args: argparse.Namespace, root: Path) -> int:
    from secsdlc.signoff import facade as signoff

    namespaces = tuple(n for n in (args.namespaces or "").split(",") if n)
    added = signoff.add_correspondent(root, args.principal, args.pubkey, args.key,
                                      namespaces=namespaces, project=args.project)
    print(terminal(f"added {args.principal} ({added.newcomer}), signed by {added.signer}"))
    if added.first:
        print(f"first version of the registry: CI must trust this signer, e.g.\n"
              f"  SECSDLC_TRUST_ROOT={added.signer}")
    print(f"commit {signoff.REGISTRY_FILE} and {signoff.SIGNATURE_FILE}")
    return 0


def _list(root: Path) -> int:
    from secsdlc.signoff import facade as signoff

    current = signoff.registry_on_disk(root)
    if current is None:
        print("no correspondents")
        return 0
    for s in current.signers:
        ns = f"  namespaces={','.join(s.namespaces)}" if s.namespaces else ""
        print(terminal(f"{','.join(s.principals)}  {s.key.key_type} {s.key.fingerprint}{ns}"))
    return 0


def _verify(args: argparse.Namespace, root: Path) -> int:
    from secsdlc.errors import EXIT_BLOCKING
    from secsdlc.signoff import facade as signoff

    trust = signoff.trust_root(args.trust_root)  # malformed: exit 2, not a verdict
    verified = signoff.verified_correspondents(root, trust)
    if verified.problem or verified.signers is None:
        print(terminal(f"registry NOT trusted: {verified.problem}"))
        return EXIT_BLOCKING
    project = f", project {verified.project!r}" if verified.project else ", no project"
    print(terminal(f"registry trusted: version {verified.version}{project}, "
                   f"{len(verified.signers.signers)} correspondent(s), "
                   f"{verified.versions_checked} signed version(s) checked back to the trust "
                   "root"))
    return 0
