"""Which key authenticates the result cache, with real git, bandit and the real CLI.

A developer's machine keeps one per-user key (the user is the only writer), so a second scan
reuses the first one's entries in either mode; a CI job, recognised by CI or its vendor's own
variable, uses a key for the run alone unless the job gives SECSDLC_CACHE_KEY; a key file anyone
else could have read or written is not used. Reuse is counted by a wrapper around bandit that
records each run, never by time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from secsdlc.cache import KEY_BYTES, KEY_ENV
from tests.conftest import outside_ci
from tests.enforce.conftest import VULN
from tests.signoff.conftest import commit_all, git

# a CI system that sets only its own variable, and one that sets CI to its name
CI_JOBS = ({"GITHUB_ACTIONS": "true"}, {"JENKINS_URL": "https://jenkins.example.invalid/"},
           {"TF_BUILD": "True"}, {"CI": "woodpecker"})


class Machine:
    """One user's machine: its configuration and cache directories, a git repository with a high
    finding, and bandit behind a wrapper that counts the files it is asked to scan."""

    def __init__(self, tmp_path: Path) -> None:
        self.config = tmp_path / "config"
        self.cache = tmp_path / "cache"
        self.log = tmp_path / "bandit-runs.log"
        self.root = tmp_path / "repo"
        self.root.mkdir()
        git(self.root, "init", "-q", "-b", "main")
        git(self.root, "config", "user.email", "dev@example.com")
        git(self.root, "config", "user.name", "Dev")
        git(self.root, "config", "commit.gpgsign", "false")
        (self.root / "app.py").write_text(VULN)
        commit_all(self.root, "app")
        bandit = Path(sys.executable).with_name("bandit")
        real = str(bandit) if bandit.exists() else shutil.which("bandit")
        assert real, "bandit is not installed"
        self.wrapper = tmp_path / "bandit-counted"
        self.wrapper.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{self.log}"\n'
                                f'exec "{real}" "$@"\n')
        self.wrapper.chmod(0o755)

    @property
    def key_file(self) -> Path:
        return self.config / "secsdlc" / "cache.key"

    def scans(self) -> int:
        """How many times bandit was asked to scan app.py."""
        if not self.log.exists():
            return 0
        return sum("app.py" in line for line in self.log.read_text().splitlines())

    def scan(self, mode: str, job: dict[str, str] | None = None) -> tuple[int, dict[str, object],
                                                                         str]:
        # the outer environment (the test runner's own CI) never decides: only `job` does
        base = {k: v for k, v in outside_ci(os.environ).items()
                if k != KEY_ENV and not k.endswith("_EXECUTABLE")}
        env = {**base, "SEMGREP_ENABLE_VERSION_CHECK": "0", "XDG_CONFIG_HOME": str(self.config),
               "SECSDLC_CACHE_DIR": str(self.cache),
               "SECSDLC_BANDIT_EXECUTABLE": str(self.wrapper), **(job or {})}
        flags = ["--enforce"] if mode == "enforce" else []
        proc = subprocess.run(
            [sys.executable, "-m", "secsdlc", "scan", str(self.root), "--scanners", "bandit",
             "--format", "json", *flags], env=env, capture_output=True, text=True, timeout=600)
        doc = json.loads(proc.stdout)
        assert doc["mode"] == mode
        return proc.returncode, doc, proc.stderr

    def seed_clean(self, key: bytes) -> int:
        """What another writer of the cache does: every entry emptied of its findings and
        authenticated with `key`."""
        entries = sorted((self.cache / "results").rglob("*.json"))
        for entry in entries:
            doc = json.loads(entry.read_bytes().partition(b"\n")[2])
            doc["findings"] = []
            payload = json.dumps(doc, separators=(",", ":")).encode()
            mac = hmac.new(key, payload, hashlib.sha256).hexdigest().encode()
            entry.write_bytes(mac + b"\n" + payload)
        return len(entries)


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    return Machine(tmp_path)


def _blocks(doc: dict[str, object]) -> bool:
    findings = doc["findings"]
    assert isinstance(findings, list)
    return any(f["rule"] == "B501" for f in findings)


@pytest.mark.parametrize(("mode", "job"), [
    ("advisory", {}), ("enforce", {}), *(("enforce", job) for job in CI_JOBS),
    ("enforce", {"GITHUB_ACTIONS": "true", KEY_ENV: "job-secret"})],
    ids=["developer-advisory", "developer-enforce", "github", "jenkins", "azure", "woodpecker",
         "ci-secret"])
def test_cache_seeded_by_another_key_is_a_miss(machine: Machine, mode: str,
                                               job: dict[str, str]) -> None:
    """Entries authenticated with a key this run does not hold are scanned again, in every mode
    and wherever the run happens (a CI job is enforce mode)."""
    rc, _, _ = machine.scan(mode, {KEY_ENV: "attacker"})
    assert rc == 1
    assert machine.seed_clean(hashlib.sha256(b"attacker").digest())
    before = machine.scans()
    rc, doc, _ = machine.scan(mode, job)
    assert rc == 1 and _blocks(doc), doc["findings"]
    assert machine.scans() == before + 1


@pytest.mark.parametrize("job", CI_JOBS, ids=["github", "jenkins", "azure", "woodpecker"])
def test_ci_enforce_run_does_not_reuse_an_earlier_run(machine: Machine,
                                                      job: dict[str, str]) -> None:
    """In a recognised CI without SECSDLC_CACHE_KEY each run has its own key: what an earlier job
    left in the cache is not read, and the per-user key is neither made nor read."""
    for run in (1, 2):
        rc, doc, _ = machine.scan("enforce", job)
        assert rc == 1 and _blocks(doc)
        assert machine.scans() == run
    assert not machine.key_file.exists()


def test_ci_run_ignores_entries_forged_with_the_per_user_key(machine: Machine) -> None:
    """An earlier job on a persistent runner, as the same user, read the per-user key a
    developer's run made and wrote entries that pass: a CI run (enforce mode) does not use that
    key."""
    machine.scan("advisory")
    assert machine.seed_clean(machine.key_file.read_bytes())
    for job in CI_JOBS:
        rc, doc, _ = machine.scan("enforce", job)
        assert rc == 1 and _blocks(doc), (job, doc["findings"])


def test_ci_job_secret_shares_the_cache_between_its_runs(machine: Machine) -> None:
    job = {"GITHUB_ACTIONS": "true", KEY_ENV: "job-secret"}
    machine.scan("enforce", job)
    rc, doc, _ = machine.scan("enforce", job)
    assert rc == 1 and _blocks(doc)
    assert machine.scans() == 1


@pytest.mark.parametrize("first", ["advisory", "enforce"])
def test_developer_enforce_run_reuses_the_cache(machine: Machine, first: str) -> None:
    """Outside CI the per-user key authenticates the cache in both modes: a second enforce run
    takes the findings from the entries the first run wrote, without running bandit."""
    rc, _, _ = machine.scan(first)
    assert rc == 1 and machine.scans() == 1
    rc, doc, _ = machine.scan("enforce")
    assert rc == 1 and _blocks(doc), doc["findings"]
    assert machine.scans() == 1
    info = machine.key_file.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600 and info.st_size == KEY_BYTES


def _refused(machine: Machine, mode: str) -> None:
    """Two runs with a key file that must not be used: neither reuses the other's entries, each
    says which file it did not use, and the file is left as it was."""
    before = machine.key_file.read_bytes() if machine.key_file.is_file() else None
    for run in (1, 2):
        rc, doc, stderr = machine.scan(mode)
        assert rc == 1 and _blocks(doc)
        assert machine.scans() == run
        assert str(machine.key_file) in stderr, stderr
    if before is not None:
        assert machine.key_file.read_bytes() == before


def _key_file(machine: Machine, data: bytes, mode: int) -> None:
    machine.key_file.parent.mkdir(parents=True)
    machine.key_file.write_bytes(data)
    machine.key_file.chmod(mode)


@pytest.mark.parametrize("perm", [0o644, 0o640, 0o620, 0o602])
def test_key_file_others_can_read_or_write_is_not_used(machine: Machine, mode: str,
                                                       perm: int) -> None:
    _key_file(machine, os.urandom(KEY_BYTES), perm)
    _refused(machine, mode)


def test_short_key_file_is_not_used(machine: Machine, mode: str) -> None:
    _key_file(machine, b"guessable", 0o600)
    _refused(machine, mode)


def test_key_file_as_a_symbolic_link_is_not_used(machine: Machine, mode: str,
                                                 tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.key"
    target.write_bytes(os.urandom(KEY_BYTES))
    target.chmod(0o600)
    machine.key_file.parent.mkdir(parents=True)
    machine.key_file.symlink_to(target)
    _refused(machine, mode)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user needs root")
def test_key_file_owned_by_another_user_is_not_used(machine: Machine, mode: str) -> None:
    _key_file(machine, os.urandom(KEY_BYTES), 0o600)
    os.chown(machine.key_file, 65534, 65534)
    _refused(machine, mode)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads a file whatever its mode")
def test_unreadable_key_file_is_not_used(machine: Machine, mode: str) -> None:
    _key_file(machine, os.urandom(KEY_BYTES), 0o000)
    _refused(machine, mode)
