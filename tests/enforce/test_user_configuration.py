"""The user-level configuration names the programs scanners run, with the user's rights: a file
someone else could have written is refused (exit 2, naming the file), never run from."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.enforce.conftest import VULN, run_cli


def _planted(tmp_path: Path, perm: int) -> tuple[dict[str, str], Path, Path]:
    """A config.toml naming a program that leaves a mark when it runs."""
    mark = tmp_path / "ran"
    program = tmp_path / "bandit-impostor"
    program.write_text(f"#!/bin/sh\ntouch '{mark}'\n"
                       f"exec '{Path(sys.executable).with_name('bandit')}' \"$@\"\n")
    program.chmod(0o755)
    config = tmp_path / "config" / "secsdlc" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[scanners.bandit]\nexecutable = "{program}"\n')
    config.chmod(perm)
    root = tmp_path / "proj"
    root.mkdir()
    (root / "app.py").write_text(VULN)
    return {"XDG_CONFIG_HOME": str(tmp_path / "config")}, config, mark


def _scan(mode: str, root: Path, env: dict[str, str]) -> tuple[int, str]:
    flags = ["--enforce"] if mode == "enforce" else []
    proc = run_cli("scan", str(root), "--scanners", "bandit", "--format", "json", "--no-cache",
                   *flags, env=env)
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("perm", [0o666, 0o664, 0o646])
def test_user_config_writable_by_others(mode: str, tmp_path: Path, perm: int) -> None:
    env, config, mark = _planted(tmp_path, perm)
    rc, stderr = _scan(mode, tmp_path / "proj", env)
    assert rc == 2, stderr
    assert str(config) in stderr and "Traceback" not in stderr
    assert not mark.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user needs root")
def test_user_config_owned_by_another_user(mode: str, tmp_path: Path) -> None:
    env, config, mark = _planted(tmp_path, 0o644)
    os.chown(config, 65534, 65534)
    rc, stderr = _scan(mode, tmp_path / "proj", env)
    assert rc == 2, stderr
    assert str(config) in stderr
    assert not mark.exists()


def test_user_config_only_the_user_writes_is_used(mode: str, tmp_path: Path) -> None:
    env, _, mark = _planted(tmp_path, 0o644)
    rc, stderr = _scan(mode, tmp_path / "proj", env)
    assert rc == 1, stderr
    assert mark.exists()
