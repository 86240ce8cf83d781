"""The result cache: an entry counts only with a MAC made with a key outside the repository and
the cache directory; anything else is a miss, scanned again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.enforce.conftest import VULN, run_cli


def _scan(mode: str, root: Path, env: dict[str, str]) -> tuple[int, dict[str, Any]]:
    flags = ["--enforce"] if mode == "enforce" else []
    proc = run_cli("scan", str(root), "--scanners", "bandit", "--format", "json", *flags,
                   env=env)
    return proc.returncode, json.loads(proc.stdout)


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "results").rglob("*.json"))


def _emptied(path: Path) -> None:
    """What an attacker with write access to the cache does: keep the entry, drop its findings."""
    mac, _, payload = path.read_bytes().partition(b"\n")
    doc = json.loads(payload)
    doc["findings"] = []
    path.write_bytes(mac + b"\n" + json.dumps(doc, separators=(",", ":")).encode())


def test_emptied_cache_entry(project: Any, mode: str, tmp_path: Path) -> None:
    root = project({"app.py": VULN})
    env = {"SECSDLC_CACHE_DIR": str(tmp_path / "cache"), "SECSDLC_CACHE_KEY": "job-secret",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    rc, _ = _scan(mode, root, env)
    assert rc == 1
    entries = _entries(tmp_path / "cache")
    assert entries
    for entry in entries:
        _emptied(entry)
    rc, doc = _scan(mode, root, env)
    assert rc == 1, doc["findings"]


def test_cache_seeded_clean_by_another_job(project: Any, mode: str, tmp_path: Path) -> None:
    """Entries written with another key (another job, another user) are not trusted."""
    root = project({"app.py": VULN})
    cache = str(tmp_path / "cache")
    attacker = {"SECSDLC_CACHE_DIR": cache, "SECSDLC_CACHE_KEY": "attacker",
                "XDG_CONFIG_HOME": str(tmp_path / "attacker-config")}
    _scan(mode, root, attacker)
    for entry in _entries(tmp_path / "cache"):
        doc = json.loads(entry.read_bytes().partition(b"\n")[2])
        doc["findings"] = []
        payload = json.dumps(doc, separators=(",", ":")).encode()
        import hashlib
        import hmac

        mac = hmac.new(hashlib.sha256(b"attacker").digest(), payload, hashlib.sha256)
        entry.write_bytes(mac.hexdigest().encode() + b"\n" + payload)
    # the job: the developer's own per-user key, or in CI its secret, or a key for this run
    for job in ({}, {"CI": "true", "SECSDLC_CACHE_KEY": "job-secret"}, {"CI": "true"}):
        env = {"SECSDLC_CACHE_DIR": cache, "XDG_CONFIG_HOME": str(tmp_path / "config"), **job}
        rc, doc = _scan(mode, root, env)
        assert rc == 1, (job, doc["findings"])
    # the developer's run made the per-user key, which only its user can read
    key = tmp_path / "config" / "secsdlc" / "cache.key"
    assert key.stat().st_mode & 0o077 == 0


def test_cache_forged_with_the_per_user_key(project: Any, mode: str, tmp_path: Path) -> None:
    """An earlier job on the same runner, as the same user, read the per-user key and wrote
    entries that pass: a CI job (CI=true, or only its vendor's variable, as Jenkins sets) does
    not trust them; on a developer's machine, where the user is the only writer, the per-user
    key is trusted in both modes (documented)."""
    root = project({"app.py": VULN})
    env = {"SECSDLC_CACHE_DIR": str(tmp_path / "cache"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    rc, _ = _scan("advisory", root, env)  # the earlier job fills the cache, making the key
    assert rc == 1
    user_key = (tmp_path / "config" / "secsdlc" / "cache.key").read_bytes()
    import hashlib
    import hmac

    for entry in _entries(tmp_path / "cache"):
        doc = json.loads(entry.read_bytes().partition(b"\n")[2])
        doc["findings"] = []
        payload = json.dumps(doc, separators=(",", ":")).encode()
        mac = hmac.new(user_key, payload, hashlib.sha256).hexdigest()
        entry.write_bytes(mac.encode() + b"\n" + payload)
    rc, doc = _scan(mode, root, env)  # the developer's own machine
    assert rc == 0, doc["findings"]
    for job in ({"CI": "true"}, {"JENKINS_URL": "https://ci.example.invalid/",
                                 "BUILD_ID": "7"}):
        if mode == "advisory" and "CI" in job:
            continue  # CI=true is enforce mode
        rc, doc = _scan(mode, root, {**env, **job})
        assert rc == 1, (job, doc["findings"])


def test_cache_entry_reused_under_another_file_name(mode: str, tmp_path: Path) -> None:
    """A credential in a Python docstring is low; the same text in a configuration file is high.
    Scanned once as notes.py, then renamed to deploy.cfg, the file's entry must not be reused:
    what a scanner finds depends on the file's name as well as its content."""
    from tests.signoff.conftest import commit_all, git

    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    git(root, "config", "commit.gpgsign", "false")
    password = "Vr7" + "kq2Lm9xWp4Tz"  # built so that no scanner reads this file as holding one
    (root / "notes.py").write_text(f'"""Deployment notes.\n\ndb_password = "{password}"\n"""\n')
    commit_all(root, "notes")
    env = {"SECSDLC_CACHE_DIR": str(tmp_path / "cache"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    flags = ["--enforce"] if mode == "enforce" else []

    def scan() -> dict[str, Any]:
        proc = run_cli("scan", str(root), "--scanners", "secrets", "--format", "json", *flags,
                       env=env)
        return dict(json.loads(proc.stdout))

    assert [f["severity"] for f in scan()["findings"]] == ["low"]
    git(root, "mv", "notes.py", "deploy.cfg")
    commit_all(root, "the notes are the deployment's configuration")
    doc = scan()
    assert [(f["path"], f["severity"]) for f in doc["findings"]] == [("deploy.cfg", "high")]
    assert not doc["verdict"]["passed"]
