"""What the sign-off commands share: project root, identities, keys, the verified registry."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from secsdlc.errors import SecsdlcError, UsageError
from secsdlc.signoff import registry, sshsig
from secsdlc.signoff.allowed_signers import AllowedSigners
from secsdlc.signoff.sshsig import PrivateKey


def project_root(arg: Path | None) -> Path:
    """--root, else the top of the git work tree around the current directory, else cwd."""
    if arg is not None:
        root = arg.resolve()
        if not root.is_dir():
            raise UsageError(f"--root: not a directory: {root}")
        return root
    from secsdlc import vcs

    return vcs.top(Path.cwd()) or Path.cwd().resolve()


def git_email(root: Path) -> str:
    """The requester's identity: `git config user.email` in the project."""
    from secsdlc import vcs

    try:
        rc, out, _ = vcs.run_git(root, "config", "user.email", timeout=30)
    except vcs.VcsError as e:
        raise UsageError(f"cannot run git to find your identity: {e}") from e
    email = out.strip()
    if rc != 0 or not email:
        raise UsageError("no git identity: run `git config user.email you@example.com`")
    return email


def trust_root(values: Sequence[str]) -> tuple[sshsig.KeyFingerprint, ...]:
    """--trust-root, else $SECSDLC_TRUST_ROOT; RegistryError (exit 2) for a malformed one."""
    from secsdlc.mode import trust_roots

    return registry.parse_trust_root(trust_roots(values))


def signed_project(root: Path) -> str:
    """The project the registry on disk is signed for (unverified: what a new waiver, sign-off
    or relaxation names; the gate checks it against the verified registry)."""
    version = registry.read_working_version(root)
    return version.project if version is not None else ""


def load_key(path: Path) -> PrivateKey:
    prompt = sshsig.terminal_passphrase(path) if sys.stdin.isatty() else None
    return sshsig.load_private_key(path.expanduser(), prompt)


def principal_for(key: PrivateKey, signers: AllowedSigners | None, namespace: str,
                  wanted: str | None) -> str:
    """The correspondent identity `key` signs as: --principal, or its one registry entry."""
    public = sshsig.public_key_of(key)
    if signers is None:
        raise SecsdlcError(f"no correspondent registry ({registry.REGISTRY_FILE}): "
                           "see `secsdlc correspondent add`")
    known = signers.principals_for(public, namespace)
    if wanted is not None:
        if not signers.is_allowed(wanted, public, namespace):
            raise SecsdlcError(f"key {public.fingerprint} is not registered for {wanted!r} "
                               f"(namespace {namespace}) in {registry.REGISTRY_FILE}")
        return wanted
    if not known:
        raise SecsdlcError(f"key {public.fingerprint} is not a correspondent's key in "
                           f"{registry.REGISTRY_FILE} (namespace {namespace})")
    if len(known) > 1:
        raise UsageError(f"key {public.fingerprint} is registered for {', '.join(known)}: "
                         "choose one with --principal")
    return known[0]
