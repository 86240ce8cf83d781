"""Operations on the deploy host: read-only git queries and service control."""
from __future__ import annotations

import os
import subprocess

from . import settings


def git(args: str) -> str:
    return subprocess.check_output(f"git -C {settings.REPO_DIR} {args}", shell=True, text=True, timeout=20)


def known_branches() -> set[str]:
    out = subprocess.check_output(
        ["git", "-C", settings.REPO_DIR, "for-each-ref", "--format=%(refname:short)", "refs/heads"], text=True
    )
    return set(out.split())


def restart(service: str) -> int:
    return os.system(f"sudo -n systemctl restart {service}.service")
