"""Real ssh-keygen keys and real git repositories in tmp dirs."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from secsdlc.signoff import sshsig

if shutil.which("ssh-keygen") is None:  # the interop tests are the point: fail, do not skip
    raise RuntimeError("tests/signoff need ssh-keygen (Debian: apt-get install openssh-client)")


@dataclass(frozen=True)
class Key:
    private: Path
    public: Path
    principal: str

    @property
    def fingerprint(self) -> str:
        out = subprocess.run(["ssh-keygen", "-lf", str(self.public)], check=True,
                             capture_output=True, text=True).stdout
        return out.split()[1]

    @property
    def loaded(self) -> sshsig.PrivateKey:
        return sshsig.load_private_key(self.private)

    def pubkey_text(self) -> str:
        return " ".join(self.public.read_text().split()[:2])


@pytest.fixture(scope="session")
def keydir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keys")


@pytest.fixture(scope="session")
def make_key(keydir: Path):
    """make_key("alice@example.com", "ed25519") -> Key, generated once per session by ssh-keygen."""

    def make(principal: str, key_type: str = "ed25519") -> Key:
        name = principal.replace("@", "_at_") + "_" + key_type
        private = keydir / name
        if not private.exists():
            extra = ["-b", "2048"] if key_type == "rsa" else []
            subprocess.run(
                ["ssh-keygen", "-q", "-t", key_type, *extra, "-N", "", "-C", principal,
                 "-f", str(private)],
                check=True, capture_output=True,
            )
        return Key(private, private.with_name(name + ".pub"), principal)

    return make


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
        env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
             "HOME": str(cwd), "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"},
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    git(root, "config", "commit.gpgsign", "false")
    (root / "README").write_text("x\n")
    git(root, "add", "README")
    git(root, "commit", "-q", "-m", "init")
    return root


def commit_all(root: Path, message: str = "change") -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture(autouse=True)
def _no_ambient_trust_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # CI sets SECSDLC_TRUST_ROOT for the real gate; these tests choose their own.
    monkeypatch.delenv("SECSDLC_TRUST_ROOT", raising=False)
