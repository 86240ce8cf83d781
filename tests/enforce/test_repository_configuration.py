"""A developer's commit changing the configuration must not lower an enforced verdict; in
advisory mode the repository's configuration applies as written (the documented behaviour)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.enforce.conftest import Key, commit_all, scan_repo, sign_policy

PYPROJECT = '[project]\nname = "app"\n\n[tool.secsdlc]\n'


def _commit(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    commit_all(root, "config")


def _blocks_in_enforce_only(mode: str, out: object, ignored: str) -> None:
    rc, stderr = out.rc, out.stderr  # type: ignore[attr-defined]
    if mode == "enforce":
        assert rc == 1, (out.doc["verdict"], stderr)  # type: ignore[attr-defined]
        assert ignored in stderr and "secsdlc policy sign --key" in stderr, stderr
    else:
        assert rc == 0, (out.doc["verdict"], stderr)  # type: ignore[attr-defined]


ATTACKS = {
    "policy_fail_on_critical_beats_ci_fail_on": (
        {"pyproject.toml": PYPROJECT + '[tool.secsdlc.policy]\nfail-on = "critical"\n'},
        ("--fail-on", "high"), "bandit,semgrep,secrets", "pyproject.toml"),
    "exclude_everything": (
        {"pyproject.toml": PYPROJECT + 'exclude = ["**"]\n'}, (), "bandit,semgrep",
        "pyproject.toml"),
    "max_file_size_10": (
        {"pyproject.toml": PYPROJECT + "max-file-size = 10\n"}, (), "bandit,semgrep",
        "pyproject.toml"),
    "bandit_skip_list": (
        {"pyproject.toml": PYPROJECT + '[tool.secsdlc.scanners.bandit]\nskip = ["B501"]\n'},
        (), "bandit", "pyproject.toml"),
    "semgrep_own_rules_only": (
        {"pyproject.toml": PYPROJECT + '[tool.secsdlc.scanners.semgrep]\nbundled-pack = false\n'
                                       'rules = ["never.yml"]\n',
         "never.yml": "rules:\n  - id: never\n    languages: [python]\n    severity: INFO\n"
                      "    message: never\n    pattern: never_called_anywhere(...)\n"},
        (), "semgrep", "pyproject.toml"),
    "only_the_secrets_scanner_enabled": (
        {"pyproject.toml": PYPROJECT + '[tool.secsdlc.scanners]\nenabled = ["secrets"]\n'},
        (), None, "pyproject.toml"),
    "dotfile_replaces_pyproject_policy": (
        {".secsdlc.toml": '[policy]\nfail-on = "critical"\n'}, (), "bandit,semgrep",
        ".secsdlc.toml"),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_unsigned_configuration_change(signed_repo: tuple[Path, Key], mode: str,
                                       attack: str) -> None:
    root, alice = signed_repo
    files, args, scanners, ignored = ATTACKS[attack]
    _commit(root, files)
    out = scan_repo(mode, root, alice, *args, scanners=scanners)
    _blocks_in_enforce_only(mode, out, ignored)


def test_wrong_type_for_suppressions(signed_repo: tuple[Path, Key], mode: str) -> None:
    root, alice = signed_repo
    _commit(root, {"pyproject.toml": PYPROJECT + "suppressions = false\n"})
    out = scan_repo(mode, root, alice, scanners="bandit")
    if mode == "enforce":
        assert out.rc == 1 and "pyproject.toml" in out.stderr
    else:
        assert out.rc == 2 and "suppressions" in out.stderr and "must be a table" in out.stderr


def test_repository_configured_executable_is_never_run(signed_repo: tuple[Path, Key],
                                                       mode: str) -> None:
    root, alice = signed_repo
    tool = root / "tools" / "bandit"
    tool.parent.mkdir()
    tool.write_text("#!/bin/sh\necho '{\"results\": [], \"errors\": []}'\n")
    tool.chmod(0o755)
    _commit(root, {"pyproject.toml": PYPROJECT + '[tool.secsdlc.scanners.bandit]\n'
                                                 'executable = "tools/bandit"\n'})
    out = scan_repo(mode, root, alice, scanners="bandit")
    assert out.rc == 1, out.stderr  # the real bandit ran, in both modes
    # advisory reads the file and drops the key by name; enforce ignores the unsigned file
    assert ("SECSDLC_BANDIT_EXECUTABLE" if mode == "advisory" else "pyproject.toml") \
        in out.stderr


def test_signed_policy_applies_and_the_command_line_is_a_floor(
        signed_repo: tuple[Path, Key], mode: str) -> None:
    root, alice = signed_repo
    _commit(root, {"pyproject.toml": PYPROJECT + '[tool.secsdlc.policy]\nfail-on = "critical"\n'})
    sign_policy(root, alice)
    out = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    assert out.rc == 0, out.stderr  # a correspondent signed the relaxation
    assert "not signed" not in out.stderr and "unsigned" not in out.stderr
    floor = scan_repo(mode, root, alice, "--fail-on", "high", scanners="bandit,semgrep")
    assert floor.rc == (1 if mode == "enforce" else 0), floor.stderr


def test_unsigned_change_after_a_signed_version(signed_repo: tuple[Path, Key],
                                                mode: str) -> None:
    root, alice = signed_repo
    _commit(root, {"pyproject.toml": PYPROJECT + '[tool.secsdlc.policy]\nfail-on = "high"\n'})
    sign_policy(root, alice)
    _commit(root, {"pyproject.toml": PYPROJECT + '[tool.secsdlc.policy]\nfail-on = "critical"\n'})
    out = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    _blocks_in_enforce_only(mode, out, "pyproject.toml")
    if mode == "enforce":
        assert "version 1" in out.stderr


def test_policy_signed_by_a_non_correspondent(signed_repo: tuple[Path, Key], mode: str,
                                              make_key: object) -> None:
    root, alice = signed_repo
    _commit(root, {"pyproject.toml": PYPROJECT + '[tool.secsdlc.policy]\nfail-on = "critical"\n'})
    mallory = make_key("mallory@example.com")  # type: ignore[operator]
    from tests.enforce.conftest import run_cli

    proc = run_cli("policy", "sign", "--key", str(mallory.private), "--root", str(root))
    assert proc.returncode == 2 and "not a correspondent" in proc.stderr
    out = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    _blocks_in_enforce_only(mode, out, "pyproject.toml")


def _recording_bandit(directory: Path, marker: Path) -> Path:
    """A bandit that notes it ran, then runs the real one."""
    import shutil
    import sys

    real = Path(sys.executable).parent / "bandit"
    real_bandit = str(real) if real.exists() else shutil.which("bandit")
    assert real_bandit, "bandit is not installed"
    program = directory / "bandit-wrapper"
    program.write_text(f'#!/bin/sh\necho ran >> "{marker}"\nexec "{real_bandit}" "$@"\n')
    program.chmod(0o755)
    return program


def test_executable_from_the_user_configuration(signed_repo: tuple[Path, Key], mode: str,
                                                tmp_path: Path) -> None:
    root, alice = signed_repo
    xdg = tmp_path / "xdg"
    (xdg / "secsdlc").mkdir(parents=True)
    marker = tmp_path / "ran"
    program = _recording_bandit(xdg / "secsdlc", marker)
    (xdg / "secsdlc" / "config.toml").write_text(
        f'[scanners.bandit]\nexecutable = "{program.name}"\n')  # beside the file
    out = scan_repo(mode, root, alice, env={"XDG_CONFIG_HOME": str(xdg)}, scanners="bandit")
    assert out.rc == 1, out.stderr  # B501 found by the user's program
    assert marker.read_text().count("ran") >= 1


def test_user_configuration_with_a_mistake(signed_repo: tuple[Path, Key], mode: str,
                                           tmp_path: Path) -> None:
    root, alice = signed_repo
    (tmp_path / "xdg" / "secsdlc").mkdir(parents=True)
    (tmp_path / "xdg" / "secsdlc" / "config.toml").write_text(
        "[scanners.bandit]\nexecutable = 1\n")
    out = scan_repo(mode, root, alice, env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")},
                    scanners="bandit")
    assert out.rc == 2
    assert "config.toml: scanners.bandit.executable: must be a program's path" in out.stderr


def test_signed_repository_file_naming_an_executable(signed_repo: tuple[Path, Key], mode: str,
                                                     tmp_path: Path) -> None:
    # even a correspondent's signature does not make a repository file choose a program
    root, alice = signed_repo
    marker = tmp_path / "ran"
    program = _recording_bandit(tmp_path, marker)
    _commit(root, {"pyproject.toml": PYPROJECT + '[tool.secsdlc.scanners.bandit]\n'
                                                 f'executable = "{program}"\n'})
    sign_policy(root, alice)
    out = scan_repo(mode, root, alice, scanners="bandit")
    assert out.rc == 1, out.stderr
    assert not marker.exists()
    assert "never read from a repository file" in out.stderr
    assert "user configuration" in out.stderr
