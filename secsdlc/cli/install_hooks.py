"""`secsdlc install-hooks`: plain git hooks for teams that do not use the pre-commit framework."""

from __future__ import annotations

import argparse
from typing import Any

from secsdlc.git_hooks import HOOKS


def register(sub: Any) -> None:
    p = sub.add_parser("install-hooks", help="install secsdlc's git pre-commit and pre-push hooks")
    p.add_argument("--hooks", default=",".join(HOOKS), metavar="A,B",
                   help=f"which hooks (default: {','.join(HOOKS)})")
    p.add_argument("--force", action="store_true", help="replace existing hooks")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from secsdlc.git_hooks import install

    wanted = [h.strip() for h in args.hooks.split(",") if h.strip()]
    for path in install(Path.cwd(), wanted, force=args.force):
        print(f"installed {path}")
    return 0
