"""`secsdlc install-hooks`: plain git hooks for teams that do not use the pre-commit framework."""

from __future__ import annotations

import argparse
from typing import Any

HOOKS = ("pre-commit", "pre-push")


def register(sub: Any) -> None:
    p = sub.add_parser("install-hooks", help="install secsdlc's git pre-commit and pre-push hooks")
    p.add_argument("--hooks", default=",".join(HOOKS), metavar="A,B",
                   help=f"which hooks (default: {','.join(HOOKS)})")
    p.add_argument("--force", action="store_true", help="replace existing hooks")


def run(args: argparse.Namespace) -> int:
    import shlex
    import sys
    from pathlib import Path

    from secsdlc import vcs
    from secsdlc.errors import UsageError
    from secsdlc.fileio import check_output, write_atomic
    from secsdlc.rules_path import hooks_dir

    wanted = [h.strip() for h in args.hooks.split(",") if h.strip()]
    unknown = [h for h in wanted if h not in HOOKS]
    if unknown or not wanted:
        raise UsageError(f"--hooks: unknown hook(s) {', '.join(unknown)} (choose from "
                         f"{', '.join(HOOKS)})")
    repo = vcs.open_repo(Path.cwd())
    # `git rev-parse --git-path hooks` honours core.hooksPath and worktrees
    target = Path(vcs.git(repo.top, "rev-parse", "--git-path", "hooks").strip())
    if not target.is_absolute():
        target = repo.top / target
    existing = [h for h in wanted if (target / h).exists()]
    if existing and not args.force:
        raise UsageError(f"hook(s) already installed in {target}: {', '.join(existing)}; "
                         f"not overwriting them (use --force to replace)")
    command = f"{shlex.quote(sys.executable)} -m secsdlc"
    for hook in wanted:
        check_output(target / hook, "hook")
    for hook in wanted:
        text = (hooks_dir() / hook).read_text(encoding="utf-8").replace("@SECSDLC@", command)
        path = target / hook
        write_atomic(path, text, "hook", mode=0o755)
        print(f"installed {path}")
    return 0
