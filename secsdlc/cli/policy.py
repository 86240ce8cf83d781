"""`secsdlc policy sign --key KEY`: a correspondent signs the repository's configuration, the one
enforce mode then trusts (docs/signoff.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("policy", help="sign the configuration enforce mode trusts",
                       description="In enforce mode (CI) only a configuration signed by a "
                                   "correspondent can lower the verdict; this signs it.")
    actions = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    s = actions.add_parser("sign", help="sign the current configuration file")
    s.add_argument("--key", type=Path, required=True, metavar="FILE",
                   help="the correspondent's SSH private key")
    s.add_argument("--config", type=Path, metavar="FILE",
                   help=".secsdlc.toml or pyproject.toml (default: found from the root)")
    s.add_argument("--root", type=Path, metavar="DIR", help="project root (default: git top)")


def run(args: argparse.Namespace) -> int:
    import hashlib

    from secsdlc import config as config_mod
    from secsdlc import trusted_config
    from secsdlc.errors import UsageError
    from secsdlc.signoff import audit, context, registry, sshsig
    from secsdlc.signoff.files import atomic_write

    root = context.project_root(args.root).resolve()
    path = args.config if args.config is not None else config_mod.find_config_file(root)
    if path is None:
        raise UsageError(f"{root}: no .secsdlc.toml or [tool.secsdlc] in pyproject.toml to sign")
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"{path}: outside the project root {root}") from None
    table = trusted_config.table_of(rel, path.read_bytes())
    if table is None:
        raise UsageError(f"{path}: holds no readable secsdlc configuration")
    config_mod.parse(table, source=str(path), known_scanner_options={})  # bad values: exit 2
    key = context.load_key(args.key)
    principal = context.principal_for(key, registry.read_working(root),
                                      trusted_config.NAMESPACE, None)
    version = _last_version(root) + 1
    message = trusted_config.signed_bytes(
        repository=registry.repository_identity(root), version=version, path=rel,
        table=table)
    signature = sshsig.sign(key, message, trusted_config.NAMESPACE)
    target = root / trusted_config.SIGNATURE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, trusted_config.format_signature_file(rel, version, signature).encode())
    audit.append(root, action="policy-sign", actor=principal, key=key,
                 data={"file": rel, "version": version,
                       "sha256": hashlib.sha256(message).hexdigest()})
    print(f"{trusted_config.SIGNATURE_FILE}: {rel} signed as version {version} by {principal}; "
          f"commit both files")
    return 0


def _last_version(root: Path) -> int:
    """The highest version the signature file ever had, in the working tree or in git: a new
    signature must supersede every earlier one."""
    from secsdlc import trusted_config, vcs
    from secsdlc.errors import ConfigError

    blobs: list[bytes] = []
    disk = root / trusted_config.SIGNATURE_FILE
    if disk.is_file():
        blobs.append(disk.read_bytes())
    try:
        for _, read in trusted_config.committed_versions(root, trusted_config.SIGNATURE_FILE):
            blob = read(trusted_config.SIGNATURE_FILE)
            if blob is not None:
                blobs.append(blob)
    except vcs.VcsError:
        pass  # no history to supersede
    versions = [0]
    for blob in blobs:
        try:
            versions.append(trusted_config.parse_signature_file(blob, "")[1])
        except ConfigError:
            continue
    return max(versions)
