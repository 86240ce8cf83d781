"""A scan of a subdirectory (`secsdlc scan src`, the Action's `paths: src`) finds the
configuration upwards, in the repository's top: that file is the repository's, written by whoever
writes the commit, not the CI job's own, although it lies outside the scan root. In enforce mode
it is ignored unless signed; in advisory mode it applies as written. Real git and bandit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.enforce.conftest import VULN, commit_all, git, scan

LOOSENING = {
    "pyproject.toml": ('[tool.secsdlc]\nexclude = ["**"]\n'
                       '[tool.secsdlc.policy]\nfail-on = "critical"\n'),
    ".secsdlc.toml": 'exclude = ["**"]\n[policy]\nfail-on = "critical"\n',
}


@pytest.mark.parametrize("name", LOOSENING)
def test_loosening_config_above_the_scanned_directory(tmp_path: Path, mode: str,
                                                      name: str) -> None:
    top = tmp_path / "repo"
    (top / "src").mkdir(parents=True)
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.email", "dev@example.com")
    git(top, "config", "commit.gpgsign", "false")
    (top / "src" / "app.py").write_text(VULN)
    (top / name).write_text(LOOSENING[name])
    commit_all(top, "loosened above src")
    out = scan(mode, top / "src", scanners="bandit")
    if mode == "advisory":
        assert out.rc == 0, out.doc["findings"]
        return
    assert out.rc == 1, out.doc
    assert "B501" in [f["rule"] for f in out.doc["findings"]]
    assert f"{name} is not signed by a correspondent and is ignored" in out.stderr, out.stderr


def test_committed_config_linking_outside_the_repository(tmp_path: Path, mode: str) -> None:
    """`.secsdlc.toml` committed as a symbolic link to a file outside the work tree (another
    checkout on a self-hosted runner, a file an earlier step left): the link is the commit's,
    so its target is not the CI job's own configuration."""
    outside = tmp_path / "elsewhere" / "loose.toml"
    outside.parent.mkdir()
    outside.write_text(LOOSENING[".secsdlc.toml"])
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.email", "dev@example.com")
    git(top, "config", "commit.gpgsign", "false")
    (top / "app.py").write_text(VULN)
    (top / ".secsdlc.toml").symlink_to(outside)
    commit_all(top, "configuration by link")
    out = scan(mode, top, scanners="bandit")
    if mode == "advisory":
        assert out.rc == 0, out.doc["findings"]
        return
    assert out.rc == 1, out.doc
    assert "B501" in [f["rule"] for f in out.doc["findings"]]
    assert ".secsdlc.toml is not signed by a correspondent and is ignored" in out.stderr
