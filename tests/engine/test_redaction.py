"""A found secret never reaches any output: text, json, markdown, SARIF, stderr, fingerprints."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from tests.engine.conftest import PLANTED_PASSWORD, PLANTED_SECRET, run_cli


@pytest.fixture
def leaky(project: Any) -> Path:
    return project({
        "settings.py": f'GITHUB_TOKEN = "{PLANTED_SECRET}"\npassword = "{PLANTED_PASSWORD}"\n'
                       f'DB = "postgres://admin:{PLANTED_PASSWORD}@db.internal/app"\n',
        "notes.txt": f"deploy with {PLANTED_SECRET}\n",
        "util.py": f'def connect(password="{PLANTED_PASSWORD}"):\n    return password\n',
    })


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "markdown"])
def test_planted_secrets_absent_from_every_format(leaky: Path, fmt: str, tmp_path: Path) -> None:
    proc = run_cli("scan", str(leaky), "--scanners", "bandit,semgrep,secrets", "--format", fmt,
                   "--fail-on", "low")
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout + proc.stderr
    # the scan did find them...
    assert "github-token" in out or "GitHub token" in out
    assert "settings.py" in out and "notes.txt" in out
    # ...and says nothing of their value, whole or in part
    for secret in (PLANTED_SECRET, PLANTED_PASSWORD):
        assert secret not in out
        assert secret[4:20] not in out
        assert hashlib.sha256(secret.encode()).hexdigest()[:16] not in out


def test_secrets_found_by_kind(leaky: Path) -> None:
    import json

    proc = run_cli("scan", str(leaky), "--scanners", "secrets", "--format", "json")
    rules = sorted({(f["path"], f["rule"]) for f in json.loads(proc.stdout)["findings"]})
    assert ("settings.py", "secsdlc.secrets.github-token") in rules
    assert ("settings.py", "secsdlc.secrets.hardcoded-credential") in rules
    assert ("settings.py", "secsdlc.secrets.url-credentials") in rules
    assert ("notes.txt", "secsdlc.secrets.github-token") in rules


def test_placeholders_are_not_secrets(project: Any) -> None:
    import json

    root = project({"conf.py": 'password = os.environ["DB_PASSWORD"]\n'
                               'token = "<your-token-here>"\nsecret = "${SECRET}"\n'
                               'api_key = "changeme"\npassword = ""\n'})
    proc = run_cli("scan", str(root), "--scanners", "secrets", "--format", "json")
    assert json.loads(proc.stdout)["findings"] == []
