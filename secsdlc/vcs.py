"""What git knows that a diff-aware scan needs: the staged content, the merge base, what changed.

Through gitpython. A shallow clone is deepened until the merge base is reachable, or the scan fails
with a message saying what to fetch: comparing with nothing would call every finding new, or
worse, none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import git

from secsdlc.errors import SecsdlcError

# --deepen steps tried before giving up on a shallow clone; the last one unshallows.
_DEEPEN_STEPS = (50, 200, 1000)
# seconds one fetch may take before it is killed (a hung remote must not hang the scan)
_FETCH_TIMEOUT = 600


class VcsError(SecsdlcError):
    """git could not answer what the scan mode needs (exit 2)."""


@dataclass(frozen=True, kw_only=True)
class Change:
    path: str  # path now (repo-relative, POSIX)
    base_path: str | None  # path at the base; None for a file added since


def open_repo(path: Path) -> git.Repo:
    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as e:
        raise VcsError(f"{path}: not inside a git repository") from e


def toplevel(repo: git.Repo) -> Path:
    if repo.working_tree_dir is None:
        raise VcsError("a bare repository has no files to scan")
    return Path(repo.working_tree_dir).resolve()


def merge_base(repo: git.Repo, ref: str, head: str = "HEAD") -> str:
    """The merge base of `head` and `ref`, deepening a shallow clone as far as needed."""
    for step in (0, *_DEEPEN_STEPS, -1):
        if step:
            _deepen(repo, ref, step)
        try:
            bases = repo.merge_base(ref, head)
        except git.GitCommandError as e:
            if any(m in str(e) for m in ("Not a valid object name", "Not a valid commit name",
                                         "unknown revision", "bad revision")):
                if not _is_shallow(repo):
                    raise VcsError(f"--diff-base {ref}: no such revision") from e
                continue
            raise VcsError(f"git merge-base {ref} {head} failed: {e.stderr.strip()}") from e
        if bases:
            return str(bases[0].hexsha)
        if not _is_shallow(repo):
            raise VcsError(f"--diff-base {ref}: no common history with {head}")
    raise VcsError(
        f"--diff-base {ref}: this is a shallow clone and the merge base with {ref} could not be "
        f"fetched (fetch the full history, e.g. actions/checkout with fetch-depth: 0)")


def fetch_commit(path: Path, sha: str) -> None:
    """Make commit `sha` present in a shallow clone, deepening it step by step.

    CI checkouts fetch one commit by default; a pull request's base commit comes with a deeper
    fetch. In a full clone nothing is fetched: a missing commit is the scan's to report.
    """
    try:
        repo = open_repo(path)
    except VcsError:
        return  # not a repository: the scan says so
    for step in (0, *_DEEPEN_STEPS, -1):
        if step:
            _deepen(repo, None, step)
        if _has_commit(repo, sha) or not _is_shallow(repo):
            return


def _has_commit(repo: git.Repo, sha: str) -> bool:
    try:
        repo.git.cat_file("-e", f"{sha}^{{commit}}")
    except git.GitCommandError:
        return False
    return True


def _is_shallow(repo: git.Repo) -> bool:
    return (Path(repo.git_dir) / "shallow").exists()


def _deepen(repo: git.Repo, ref: str | None, step: int) -> None:
    """Fetch `step` more commits of `ref`'s history (of every branch fetched: None; -1: all)."""
    if not _is_shallow(repo):
        return
    names = [r.name for r in repo.remotes]
    if ref is not None and "/" in ref and ref.split("/", 1)[0] in names:
        remote: str | None = ref.split("/", 1)[0]
    else:
        remote = "origin" if "origin" in names else (names[0] if names else None)
    if remote is None:
        raise VcsError("shallow clone without a remote: cannot fetch the history the scan "
                       "needs")
    args = ["--unshallow"] if step < 0 else [f"--deepen={step}"]
    if ref is None:
        args.append("--no-tags")
    else:
        branch = ref.split("/", 1)[1] if ref.startswith(remote + "/") else ref
        try:
            repo.git.fetch(remote, *args, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}",
                           kill_after_timeout=_FETCH_TIMEOUT)
            return
        except git.GitCommandError:
            pass  # the ref may be a tag or a sha rather than a branch
    try:
        repo.git.fetch(remote, *args, kill_after_timeout=_FETCH_TIMEOUT)
    except git.GitCommandError as e:
        raise VcsError(f"shallow clone: fetching more history from {remote} failed: "
                       f"{str(e.stderr).strip()}") from e


def changes_since(repo: git.Repo, base: str, *, staged: bool) -> list[Change]:
    """Files added, modified or renamed since `base`: in the index (staged) or the work tree.

    Deleted files are left out: there is nothing left in them to scan.
    """
    args = ["--cached"] if staged else []
    out = repo.git.diff(*args, "--name-status", "-M", "-z", "--no-ext-diff", base)
    changes = _parse_name_status(out)
    if not staged:
        untracked = repo.git.ls_files("--others", "--exclude-standard", "-z")
        changes += [Change(path=p, base_path=None) for p in untracked.split("\0") if p]
    return changes


def commit_id(repo: git.Repo, ref: str) -> str:
    """The commit `ref` names, or VcsError."""
    try:
        return str(repo.commit(ref).hexsha)
    except (git.BadName, ValueError, git.GitCommandError) as e:
        raise VcsError(f"{ref}: no such commit") from e


def commit_changes(repo: git.Repo, base: str | None, head: str) -> list[Change]:
    """Files added, modified or renamed from `base` to commit `head` (every file without a base)."""
    if base is None:
        files = repo.git.ls_tree("-r", "--name-only", "-z", head)
        return [Change(path=p, base_path=None) for p in files.split("\0") if p]
    return _parse_name_status(repo.git.diff("--name-status", "-M", "-z", "--no-ext-diff",
                                            base, head))


def staged_changes(repo: git.Repo) -> list[Change]:
    """What `git commit` would record, against HEAD (everything, in a repository without one)."""
    try:
        head = repo.head.commit.hexsha
    except ValueError:  # no commit yet: every staged file is new
        files = repo.git.ls_files("--cached", "-z")
        return [Change(path=p, base_path=None) for p in files.split("\0") if p]
    return changes_since(repo, head, staged=True)


def _parse_name_status(out: str) -> list[Change]:
    parts = out.split("\0")
    changes = []
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        if status[0] in "RC":
            changes.append(Change(path=parts[i + 2],
                                  base_path=parts[i + 1] if status[0] == "R" else None))
            i += 3
            continue
        path = parts[i + 1]
        if status[0] in "AM":
            changes.append(Change(path=path, base_path=path if status[0] == "M" else None))
        elif status[0] == "T":
            changes.append(Change(path=path, base_path=path))
        i += 2
    return changes


def write_index_files(repo: git.Repo, paths: Iterable[str], dest: Path) -> None:
    """The staged content of `paths`, written under `dest` at the same relative paths."""
    paths = list(paths)
    if not paths:
        return
    prefix = str(dest).rstrip("/") + "/"
    try:
        repo.git.checkout_index("--prefix=" + prefix, "--", *paths)
    except git.GitCommandError as e:
        raise VcsError(f"cannot read the staged files: {e.stderr.strip()}") from e


def write_tree_files(repo: git.Repo, commit: str, mapping: dict[str, str], dest: Path) -> None:
    """Files of `commit` (base path -> path to write them at) under `dest`."""
    tree = repo.commit(commit).tree
    for base_path, new_path in mapping.items():
        try:
            blob = tree / base_path
        except KeyError:
            continue
        target = dest / new_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob.data_stream.read())
