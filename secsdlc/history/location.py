"""Where the history store lives: --db, else SECSDLC_DB, else a SQLite file next to the code."""

from __future__ import annotations

import os
from pathlib import Path

from secsdlc import vcs

ENV_VAR = "SECSDLC_DB"


def resolve_url(
    explicit: str | None, *, configured: str | None = None, cwd: Path | None = None
) -> str:
    """--db, else $SECSDLC_DB, else the configuration's, else the default; a path means SQLite."""
    value = explicit or os.environ.get(ENV_VAR) or configured or ""
    if value:
        return normalize_url(value)
    root = vcs.top(cwd or Path.cwd())
    if root is not None:
        return sqlite_url(root / ".secsdlc" / "history.db")
    import platformdirs

    return sqlite_url(Path(platformdirs.user_data_dir("secsdlc")) / "history.db")


def normalize_url(value: str) -> str:
    if "://" not in value:
        return sqlite_url(Path(value))
    # psycopg 3 is the driver we ship; plain postgresql:// would make SQLAlchemy look for psycopg2.
    for prefix in ("postgresql://", "postgres://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix) :]
    return value


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


def git_head(cwd: Path) -> tuple[str | None, str | None]:
    """(commit, branch) of the checkout at `cwd`, each None when unknown (detached, no git)."""
    try:
        rc, out, _ = vcs.run_git(cwd, "rev-parse", "--verify", "--quiet", "HEAD", timeout=10)
        commit = out.strip() if rc == 0 and out.strip() else None
        rc, out, _ = vcs.run_git(cwd, "symbolic-ref", "--quiet", "--short", "HEAD", timeout=10)
        branch = out.strip() if rc == 0 and out.strip() else None
    except vcs.VcsError:
        return None, None
    return commit, branch


def redact_url(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, _, host = rest.rpartition("@")
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
