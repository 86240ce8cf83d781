"""Read-only git queries against the deploy repository."""
from __future__ import annotations

import subprocess

from . import settings


def git(args: str) -> str:
    return subprocess.check_output(f"git -C {settings.REPO_DIR} {args}", shell=True, text=True, timeout=20)


def known_branches() -> set[str]:
    out = subprocess.check_output(
        ["git", "-C", settings.REPO_DIR, "for-each-ref", "--format=%(refname:short)", "refs/heads"], text=True
    )
    return set(out.split())
