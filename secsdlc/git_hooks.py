"""Plain git hooks for teams that do not use the pre-commit framework: the bundled hook scripts,
written into the repository's hooks directory to run this interpreter's secsdlc."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from secsdlc.errors import UsageError

HOOKS = ("pre-commit", "pre-push")


def install(cwd: Path, wanted: list[str], *, force: bool = False) -> list[Path]:
    """Install the `wanted` hooks in the repository around `cwd`; the paths written.

    UsageError for an unknown hook, outside a repository, or over an existing hook without
    `force`; every target is checked before any hook is written.
    """
    # imported here: every command line builds the parser, which names HOOKS
    from secsdlc import vcs
    from secsdlc.fileio import check_output, write_atomic
    from secsdlc.rules_path import hooks_dir

    unknown = [h for h in wanted if h not in HOOKS]
    if unknown or not wanted:
        raise UsageError(f"--hooks: unknown hook(s) {', '.join(unknown)} (choose from "
                         f"{', '.join(HOOKS)})")
    repo = vcs.open_repo(cwd)
    # `git rev-parse --git-path hooks` honours core.hooksPath and worktrees
    target = Path(vcs.git(repo.top, "rev-parse", "--git-path", "hooks").strip())
    if not target.is_absolute():
        target = repo.top / target
    existing = [h for h in wanted if (target / h).exists()]
    if existing and not force:
        raise UsageError(f"hook(s) already installed in {target}: {', '.join(existing)}; "
                         f"not overwriting them (use --force to replace)")
    command = f"{shlex.quote(sys.executable)} -m secsdlc"
    for hook in wanted:
        check_output(target / hook, "hook")
    written = []
    for hook in wanted:
        text = (hooks_dir() / hook).read_text(encoding="utf-8").replace("@SECSDLC@", command)
        path = target / hook
        write_atomic(path, text, "hook", mode=0o755)
        written.append(path)
    return written
