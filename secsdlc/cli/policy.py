"""`secsdlc policy sign --key KEY`: a correspondent signs the repository's configuration, the one
enforce mode then trusts (docs/signoff.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("policy", help="sign the configuration enforce mode trusts",
                       description="In enforce mode (CI) only a configuration signed by a "
                                   "correspondent can lower the verdict; this signs it.")
    actions = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    s = actions.add_parser("sign", help="sign the current configuration file")
    s.add_argument("--key", type=Path, required=True, metavar="FILE",
                   help="the correspondent's SSH private key")
    s.add_argument("--config", type=Path, metavar="FILE",
                   help=".secsdlc.toml or pyproject.toml (default: found from the root)")
    s.add_argument("--root", type=Path, metavar="DIR", help="project root (default: git top)")


def run(args: argparse.Namespace) -> int:
    from secsdlc.signoff import facade as signoff

    root = signoff.project_root(args.root)
    signed = signoff.sign_config(root, args.config, args.key)
    print(f"{signed.signature_file}: {signed.path} signed as version {signed.version} "
          f"by {signed.principal}; commit both files")
    return 0
