"""Enforce mode's configuration: what a correspondent signed, or strict built-in defaults.

In enforce mode every setting that can make a finding not block comes from the command line (the
floor), from a configuration a correspondent signed, or from the built-in defaults. A signature
(`.secsdlc/policy.sig`, made by `secsdlc policy sign`) covers the `[tool.secsdlc]` table (or the
whole `.secsdlc.toml`), the file it came from, the repository's identity (its first commit) and a
version counter. The newest signed version, looked for in the working tree and in the signature
file's git history, is the configuration; any difference from it in the working tree is ignored
and named in a warning. A version number lower than one already signed is a rollback: ignored.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secsdlc import config as config_mod
from secsdlc.errors import ConfigError, SecsdlcError
from secsdlc.signoff.canonical import canonical

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SIGNATURE_FILE = ".secsdlc/policy.sig"
# the namespace of policy signatures, shared with signed relaxations: the signed documents differ
NAMESPACE = "secsdlc-policy"
SIGN_HINT = "a correspondent signs it with: secsdlc policy sign --key KEY (docs/signoff.md)"


@dataclass(frozen=True, kw_only=True)
class SignedPolicy:
    path: str  # the configuration file it covers, relative to the repository root
    version: int
    table: Mapping[str, Any]
    where: str  # "working tree" or "commit 0123abcd"


def signed_bytes(*, repository: str, version: int, path: str,
                 table: Mapping[str, Any]) -> bytes:
    return canonical({"secsdlc-policy-file": 1, "repository": repository, "version": version,
                      "path": path, "configuration": dict(table)})


def committed_versions(root: Path, rel: str) -> list[tuple[str, Callable[[str], bytes | None]]]:
    """Each commit reachable from HEAD that changed `rel` (relative to `root`), newest first,
    with a reader of files (relative to `root`) as that commit has them. VcsError: git cannot
    tell."""
    from secsdlc import vcs

    repo = vcs.open_repo(root)
    head = vcs.head_commit(repo)
    if head is None:
        return []
    prefix = root.resolve().relative_to(repo.top).as_posix()
    prefix = "" if prefix == "." else prefix + "/"

    def reader(sha: str) -> Callable[[str], bytes | None]:
        return lambda path: vcs.blob(repo, sha, prefix + path)

    return [(c.sha, reader(c.sha)) for c in vcs.commits_touching(repo, head, [prefix + rel])]


def table_of(name: str, data: bytes) -> dict[str, Any] | None:
    """The secsdlc configuration table in a file's bytes; None when it holds none."""
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    if Path(name).name == "pyproject.toml":
        tool = doc.get("tool")
        table = tool.get("secsdlc") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else None
    return doc


def parse_signature_file(data: bytes, where: str) -> tuple[str, int, str]:
    """(path, version, armored signature)."""
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(where, "", f"not a policy signature file: {e}") from e
    path, version, signature = doc.get("path"), doc.get("version"), doc.get("signature")
    if not isinstance(path, str) or not path or ".." in Path(path).parts:
        raise ConfigError(where, "path", "must name the signed file, relative to the root")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ConfigError(where, "version", "must be a whole number from 1")
    if not isinstance(signature, str):
        raise ConfigError(where, "signature", "must be an SSH signature")
    return path, version, signature


def format_signature_file(path: str, version: int, signature: str) -> str:
    return (f"# secsdlc policy signature: written by `secsdlc policy sign`, checked in enforce "
            f"mode\npath = {_toml_string(path)}\nversion = {version}\n"
            f'signature = """\n{signature.strip()}\n"""\n')


def _toml_string(value: str) -> str:
    import json

    return json.dumps(value)


def signed_versions(root: Path, signers: Any, repository: str) -> tuple[list[SignedPolicy],
                                                                        list[str]]:
    """Every properly signed version, newest commit first, the working tree's before them; and
    why the others were not."""
    from secsdlc import vcs
    from secsdlc.signoff import sshsig

    found: list[SignedPolicy] = []
    problems: list[str] = []

    def consider(sig_data: bytes | None, read: Any, where: str) -> None:
        if sig_data is None:
            return
        try:
            path, version, armored = parse_signature_file(sig_data, f"{SIGNATURE_FILE} ({where})")
        except ConfigError as e:
            problems.append(str(e))
            return
        data = read(path)
        table = table_of(path, data) if data is not None else None
        if table is None:
            problems.append(f"{SIGNATURE_FILE} ({where}): {path} holds no secsdlc configuration")
            return
        message = signed_bytes(repository=repository, version=version, path=path, table=table)
        try:
            sig = sshsig.verify(armored, message, NAMESPACE)
        except sshsig.SignatureError as e:
            problems.append(f"{SIGNATURE_FILE} ({where}) does not match {path}: {e}")
            return
        if not signers.principals_for(sig.public_key, NAMESPACE):
            problems.append(f"{SIGNATURE_FILE} ({where}) is signed by "
                            f"{sig.public_key.fingerprint}, not a correspondent")
            return
        found.append(SignedPolicy(path=path, version=version, table=table, where=where))

    def read_disk(rel: str) -> bytes | None:
        try:
            return (root / rel).read_bytes()
        except OSError:
            return None

    consider(read_disk(SIGNATURE_FILE), read_disk, "working tree")
    try:
        for sha, read in committed_versions(root, SIGNATURE_FILE):
            consider(read(SIGNATURE_FILE), read, f"commit {sha[:12]}")
    except vcs.VcsError as e:
        problems.append(f"git history not readable: {e}")
    return found, problems


def load(root: Path, config_path: Path | None, trust_root: tuple[str, ...], *,
         known_scanner_options: Mapping[str, Mapping[str, Any]]) -> config_mod.Config:
    """The configuration enforce mode uses, with warnings naming what it ignored."""
    root = root.resolve()
    current_path = config_path if config_path is not None else config_mod.find_config_file(root)
    if current_path is not None and not _repository_file(current_path, _work_tree(root)):
        # a file the CI job names outside the repository is the job's, not a commit's
        return config_mod.load(current_path, known_scanner_options=known_scanner_options)
    if current_path is not None and not _inside(current_path, root):
        # the repository's, above the scanned directory (`scan src` finds the top's
        # pyproject.toml): a signature is looked for under the scan root only
        name = current_path.name
        return config_mod.Config(
            source="built-in defaults (enforce mode)",
            warnings=(f"enforce mode: {name} is not signed by a correspondent and is ignored "
                      f"({current_path}, above the scan root {root}); the built-in defaults "
                      f"apply; scan with --root at the repository's top to use a signed one; "
                      f"{SIGN_HINT}",))
    current_rel = current_path.resolve().relative_to(root).as_posix() if current_path else None
    current_table = (table_of(current_rel, current_path.read_bytes())
                     if current_path is not None and current_rel is not None else None)
    # only here: verifying signatures imports the SSH key parsers, a start-up cost the job's
    # own configuration does not need
    from secsdlc.signoff import registry

    warnings: list[str] = []
    chosen: SignedPolicy | None = None
    try:
        verified = registry.verify(root, registry.parse_trust_root(trust_root))
        found, problems = signed_versions(root, verified.signers,
                                           registry.repository_identity(root))
        newest = max((p.version for p in found), default=0)
        chosen = next((p for p in found if p.version == newest), None)
        # why the working tree's own signature does not count; older ones do not matter
        problems = [] if chosen is not None and chosen.where == "working tree" else [
            p for p in problems if "(working tree)" in p]
        warnings += [f"enforce mode: {p}" for p in problems]
    except SecsdlcError as e:
        warnings.append(f"enforce mode: no signed configuration can be trusted: {e}")
    if chosen is None:
        if current_path is not None:
            warnings.append(f"enforce mode: {current_rel} is not signed by a correspondent and "
                            f"is ignored; the built-in defaults apply; {SIGN_HINT}")
        return config_mod.Config(source="built-in defaults (enforce mode)",
                                 warnings=tuple(warnings))
    if current_rel != chosen.path or current_table != chosen.table:
        changed = current_rel or chosen.path
        warnings.append(f"enforce mode: unsigned changes to the configuration ({changed}) are "
                        f"ignored; the version {chosen.version} signed in {chosen.where} "
                        f"({chosen.path}) applies; {SIGN_HINT}")
    source = str(root / chosen.path)
    signed = config_mod.parse(chosen.table, source=source,
                              known_scanner_options=known_scanner_options)
    from dataclasses import replace

    return replace(signed, warnings=tuple(warnings) + signed.warnings)


def _work_tree(root: Path) -> Path:
    """The git work tree around `root` (where `find_config_file` stops looking upwards), found
    without running git; `root` itself outside one."""
    for directory in (root, *root.parents):
        if (directory / ".git").exists():
            return directory
    return root


def _repository_file(path: Path, top: Path) -> bool:
    """Whether the work tree holds `path`: as named, or once links are followed. A committed
    `.secsdlc.toml` linking to a file outside is the commit's, not the CI job's own."""
    named = Path(os.path.abspath(path))
    return _inside(path, top) or any(named == t or t in named.parents
                                     for t in (top, Path(os.path.abspath(top))))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True
