"""Every git operation secsdlc makes, through the `git` command and `process.run`.

One call, one timeout: a hung git (a remote that never answers, a lock) is killed with its process
group, and whatever goes wrong is a VcsError naming the git command. `top` is the one way to find
the top of the work tree.

What a diff-aware scan needs lives here too: the staged content, the merge base, what changed. A
shallow clone is deepened until the merge base is reachable, or the scan fails with a message
saying what to fetch: comparing with nothing would call every finding new, or worse, none.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from secsdlc.errors import SecsdlcError
from secsdlc.process import ProcessError, run, run_bytes

# seconds a local git command may take (large repositories, a busy disk)
GIT_TIMEOUT = 120
# seconds one fetch may take before it is killed (a hung remote must not hang the scan)
FETCH_TIMEOUT = 600
# --deepen steps tried before giving up on a shallow clone; the last one unshallows.
_DEEPEN_STEPS = (50, 200, 1000)


class VcsError(SecsdlcError):
    """git could not answer what secsdlc needs (exit 2)."""


@dataclass(frozen=True, kw_only=True)
class Repo:
    top: Path  # the work tree's top, resolved
    git_dir: Path  # absolute


@dataclass(frozen=True, kw_only=True)
class Change:
    path: str  # path now (repo-relative, POSIX)
    base_path: str | None  # path at the base; None for a file added since


def run_git(cwd: Path, *args: str, timeout: float = GIT_TIMEOUT, stdin: bytes | None = None,
            env: Mapping[str, str] | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `git ARGS` in `cwd`; VcsError only when git did not run."""
    try:
        return run(["git", *args], cwd=cwd, timeout=timeout, stdin=stdin, env=env)
    except ProcessError as e:
        raise VcsError(f"git {args[0] if args else ''}: {e}") from e


def git(cwd: Path, *args: str, timeout: float = GIT_TIMEOUT, stdin: bytes | None = None,
        env: Mapping[str, str] | None = None) -> str:
    """stdout of `git ARGS` in `cwd`; VcsError when it fails, with git's own message."""
    rc, out, err = run_git(cwd, *args, timeout=timeout, stdin=stdin, env=env)
    if rc != 0:
        shown = " ".join(a for a in args[:2] if not a.startswith("-")) or "git"
        raise VcsError(f"git {shown} failed: {err.strip() or f'exit {rc}'}")
    return out


def top(path: Path) -> Path | None:
    """The top of the git work tree around `path`; None outside one (or in a bare repository)."""
    try:
        rc, out, _ = run_git(path, "rev-parse", "--show-toplevel", timeout=30)
    except VcsError:
        return None
    return Path(out.strip()).resolve() if rc == 0 and out.strip() else None


def open_repo(path: Path) -> Repo:
    start = path if path.is_dir() else path.parent
    if not start.is_dir():
        raise VcsError(f"{path}: not inside a git repository")
    rc, out, err = run_git(start, "rev-parse", "--show-toplevel", "--absolute-git-dir",
                           timeout=30)
    lines = out.splitlines()
    if rc != 0 or len(lines) != 2:
        if "bare repository" in err or "must be run in a work tree" in err:
            raise VcsError("a bare repository has no files to scan")
        raise VcsError(f"{path}: not inside a git repository")
    return Repo(top=Path(lines[0]).resolve(), git_dir=Path(lines[1]))


def toplevel(repo: Repo) -> Path:
    return repo.top


def head_commit(repo: Repo) -> str | None:
    """HEAD's commit, None in a repository without one."""
    rc, out, _ = run_git(repo.top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    return out.strip() if rc == 0 and out.strip() else None


def commit_id(repo: Repo, ref: str) -> str:
    """The commit `ref` names, or VcsError."""
    rc, out, _ = run_git(repo.top, "rev-parse", "--verify", "--quiet", "--end-of-options",
                         f"{ref}^{{commit}}")
    if rc != 0 or not out.strip():
        raise VcsError(f"{ref}: no such commit")
    return out.strip()


def is_shallow(repo: Repo) -> bool:
    return (repo.git_dir / "shallow").exists()


@dataclass(frozen=True, kw_only=True)
class Commit:
    sha: str
    parents: tuple[str, ...]  # its real parents, whatever the path filter


def commits_touching(repo: Repo, head: str, paths: Iterable[str]) -> list[Commit]:
    """Every commit reachable from `head` that changed one of `paths`, newest first (no history
    simplification: a change on a merged side branch counts)."""
    listed = git(repo.top, "--literal-pathspecs", "rev-list", "--full-history", head, "--",
                 *paths).split()
    if not listed:
        return []
    out = git(repo.top, "log", "--no-walk=unsorted", "--format=%H %P", *listed)
    commits = []
    for line in out.splitlines():
        sha, *parents = line.split()
        commits.append(Commit(sha=sha, parents=tuple(parents)))
    return commits


def path_history(repo: Repo, head: str, paths: Iterable[str]) -> list[Commit]:
    """The commits reachable from `head` that matter to `paths`, oldest first, each with its
    parents rewritten to the nearest such commits: every commit that changed one of `paths` and
    every merge (whether or not it changed them), so a merge that kept one side's version of a
    file is seen too. A commit without parents here had no earlier commit that mattered."""
    out = git(repo.top, "--literal-pathspecs", "rev-list", "--full-history", "--parents",
              "--topo-order", "--reverse", head, "--", *paths)
    commits = []
    for line in out.splitlines():
        sha, *parents = line.split()
        commits.append(Commit(sha=sha, parents=tuple(dict.fromkeys(parents))))
    return commits


def first_parent_root(repo: Repo, head: str) -> str:
    """The root commit reached from `head` by first parents: the repository's first commit,
    whatever other histories were merged into it later."""
    roots = git(repo.top, "rev-list", "--first-parent", "--max-parents=0", head).split()
    if not roots:
        raise VcsError(f"{head}: no root commit")
    return roots[-1]


def blob_ids(repo: Repo, specs: Iterable[str]) -> dict[str, str | None]:
    """`commit:path` -> the id of that blob (None where there is none), in one git call."""
    wanted = list(dict.fromkeys(specs))
    if not wanted:
        return {}
    if any("\n" in s for s in wanted):
        raise VcsError("a path with a newline cannot be looked up")
    out = git(repo.top, "cat-file", "--batch-check=%(objectname) %(objecttype)",
              stdin=("\n".join(wanted) + "\n").encode("utf-8", "surrogateescape"))
    lines = out.splitlines()
    if len(lines) != len(wanted):
        raise VcsError("git cat-file --batch-check: unexpected output")
    found: dict[str, str | None] = {}
    for spec, line in zip(wanted, lines, strict=True):
        oid, _, kind = line.partition(" ")
        found[spec] = oid if kind == "blob" else None
    return found


def object_bytes(repo: Repo, oid: str) -> bytes:
    """The content of blob `oid`."""
    try:
        rc, out, err = run_bytes(["git", "cat-file", "blob", oid], cwd=repo.top,
                                 timeout=GIT_TIMEOUT)
    except ProcessError as e:
        raise VcsError(f"git cat-file: {e}") from e
    if rc != 0:
        raise VcsError(f"git cat-file blob {oid}: {err.strip()}")
    return out


def blob(repo: Repo, commit: str, path: str) -> bytes | None:
    """The content of `path` at `commit`, None when the commit has no such file."""
    try:
        rc, out, _ = run_bytes(["git", "cat-file", "blob", f"{commit}:{path}"], cwd=repo.top,
                               timeout=GIT_TIMEOUT)
    except ProcessError as e:
        raise VcsError(f"git cat-file: {e}") from e
    return out if rc == 0 else None


def _has_commit(repo: Repo, sha: str) -> bool:
    return run_git(repo.top, "cat-file", "-e", f"{sha}^{{commit}}")[0] == 0


def merge_base(repo: Repo, ref: str, head: str = "HEAD") -> str:
    """The merge base of `head` and `ref`, deepening a shallow clone as far as needed."""
    for step in (0, *_DEEPEN_STEPS, -1):
        if step:
            _deepen(repo, ref, step)
        rc, out, err = run_git(repo.top, "merge-base", "--end-of-options", ref, head)
        if rc == 0 and out.strip():
            return out.split()[0]
        if rc == 1 and not err.strip():  # both exist, no common ancestor (yet)
            if not is_shallow(repo):
                raise VcsError(f"--diff-base {ref}: no common history with {head}")
            continue
        if any(m in err for m in ("Not a valid object name", "Not a valid commit name",
                                  "unknown revision", "bad revision")):
            if not is_shallow(repo):
                raise VcsError(f"--diff-base {ref}: no such revision")
            continue
        raise VcsError(f"git merge-base {ref} {head} failed: {err.strip()}")
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
        if _has_commit(repo, sha) or not is_shallow(repo):
            return


def _deepen(repo: Repo, ref: str | None, step: int) -> None:
    """Fetch `step` more commits of `ref`'s history (of every branch fetched: None; -1: all)."""
    if not is_shallow(repo):
        return
    names = git(repo.top, "remote").split()
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
        rc, _, _ = run_git(repo.top, "fetch", "--quiet", remote, *args,
                           f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}",
                           timeout=FETCH_TIMEOUT)
        if rc == 0:
            return
        # the ref may be a tag or a sha rather than a branch
    rc, _, err = run_git(repo.top, "fetch", "--quiet", remote, *args, timeout=FETCH_TIMEOUT)
    if rc != 0:
        raise VcsError(f"shallow clone: fetching more history from {remote} failed: "
                       f"{err.strip()}")


def changes_since(repo: Repo, base: str, *, staged: bool) -> list[Change]:
    """Files added, modified or renamed since `base`: in the index (staged) or the work tree.

    Deleted files are left out: there is nothing left in them to scan.
    """
    args = ["--cached"] if staged else []
    out = git(repo.top, "diff", *args, "--name-status", "-M", "-z", "--no-ext-diff", base, "--")
    changes = _parse_name_status(out)
    if not staged:
        untracked = git(repo.top, "ls-files", "--others", "--exclude-standard", "-z")
        changes += [Change(path=p, base_path=None) for p in untracked.split("\0") if p]
    return changes


def commit_changes(repo: Repo, base: str | None, head: str) -> list[Change]:
    """Files added, modified or renamed from `base` to commit `head` (every file without a base)."""
    if base is None:
        return [Change(path=p, base_path=None) for p in tree_files(repo, head)]
    return _parse_name_status(git(repo.top, "diff", "--name-status", "-M", "-z", "--no-ext-diff",
                                  base, head, "--"))


def staged_changes(repo: Repo) -> list[Change]:
    """What `git commit` would record, against HEAD (everything, in a repository without one)."""
    head = head_commit(repo)
    if head is None:  # no commit yet: every staged file is new
        return [Change(path=p, base_path=None) for p in index_files(repo)]
    return changes_since(repo, head, staged=True)


def index_files(repo: Repo) -> list[str]:
    """Every file in the index: what the next commit holds."""
    return sorted({p for p in git(repo.top, "ls-files", "--cached", "-z").split("\0") if p})


@dataclass(frozen=True, kw_only=True)
class Tracked:
    files: tuple[str, ...] = ()  # relative to the directory asked about
    submodules: tuple[str, ...] = ()  # gitlinks: another repository's commit at that path


def tracked(path: Path) -> Tracked:
    """What git tracks under the directory `path`; nothing outside a work tree."""
    try:
        rc, out, _ = run_git(path, "ls-files", "--cached", "--stage", "-z", timeout=GIT_TIMEOUT)
    except VcsError:
        return Tracked()
    if rc != 0:
        return Tracked()
    files: list[str] = []
    submodules: list[str] = []
    for entry in out.split("\0"):
        mode, _, name = entry.partition("\t")
        if name:
            (submodules if mode.startswith("160000") else files).append(name)
    return Tracked(files=tuple(files), submodules=tuple(submodules))


def worktree_files(repo: Repo) -> list[str]:
    """The files of the work tree that git tracks or would track (not the ignored ones)."""
    out = git(repo.top, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    return sorted({p for p in out.split("\0") if p})


def submodules_at(repo: Repo, commit: str | None) -> frozenset[str]:
    """The gitlinks (submodules) of `commit`, or of the index when None, repository-relative."""
    if commit is None:
        return frozenset(tracked(repo.top).submodules)
    out = git(repo.top, "ls-tree", "-r", "-z", commit)
    return frozenset(entry.partition("\t")[2] for entry in out.split("\0")
                     if entry.startswith("160000 "))


def tree_files(repo: Repo, commit: str) -> list[str]:
    """Every file of `commit`."""
    return [p for p in git(repo.top, "ls-tree", "-r", "--name-only", "-z", commit).split("\0")
            if p]


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


def write_index_files(repo: Repo, paths: Iterable[str], dest: Path,
                      env: Mapping[str, str] | None = None) -> None:
    """The staged content of `paths`, written under `dest` at the same relative paths."""
    paths = list(paths)
    if not paths:
        return
    prefix = str(dest).rstrip("/") + "/"
    rc, _, err = run_git(repo.top, "checkout-index", "--prefix=" + prefix, "-z", "--stdin",
                         stdin="\0".join(paths).encode("utf-8", "surrogateescape"), env=env)
    if rc != 0:
        raise VcsError(f"cannot read the staged files: {err.strip()}")


def write_tree_files(repo: Repo, commit: str, mapping: dict[str, str], dest: Path) -> None:
    """Files of `commit` (base path -> path to write them at) under `dest`.

    Read through a temporary index, so the user's own index is never touched; a path the commit
    does not have is left out.
    """
    if not mapping:
        return
    fd, index = tempfile.mkstemp(prefix="secsdlc-index-")
    os.close(fd)
    staging = Path(tempfile.mkdtemp(prefix="secsdlc-tree-"))
    try:
        env = {"GIT_INDEX_FILE": index}
        git(repo.top, "read-tree", commit, env=env)
        listed = git(repo.top, "ls-files", "-z", env=env)
        present = [p for p in listed.split("\0") if p in mapping]
        write_index_files(repo, present, staging, env=env)
        for base_path in present:
            source = staging / base_path
            if not source.is_file() or source.is_symlink():
                continue
            target = dest / mapping[base_path]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(source), target)
    finally:
        Path(index).unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
