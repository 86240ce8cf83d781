"""A pull request that makes a helper in a test-named module vulnerable, where application code
the change does not touch imports it (by name, by a dotted string, or through the test package's
`__init__`): the diff-aware scan reads only the changed file, yet the helper is application code,
so its finding is not lowered to the test scope's `low` and blocks, as in a full scan. Real git
and bandit, both modes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.enforce.conftest import commit_all, git, run_cli

VIEWS = "from app.tests.helpers import fetch\n\n\ndef view(url):\n    return fetch(url)\n"
HELPER = "import requests\n\n\ndef fetch(url):\n    return requests.get(url, timeout=5)\n"


VIEWS_BY = {
    "import": (VIEWS, ""),
    "import_module": ("import importlib\n\nfetch = importlib.import_module('app.tests.helpers')"
                      ".fetch\n", ""),
    # through the test package, whose __init__ imports the helper
    "package": ("from app import tests\n\n\ndef view(url):\n    return tests.helpers.fetch(url)\n",
                "from . import helpers\n"),
}


@pytest.mark.parametrize("how", VIEWS_BY)
def test_pull_request_makes_an_imported_test_helper_vulnerable(tmp_path: Path, mode: str,
                                                               how: str) -> None:
    root = tmp_path / "repo"
    (root / "app" / "tests").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    git(root, "config", "commit.gpgsign", "false")
    (root / "app" / "__init__.py").write_text("")
    views, package = VIEWS_BY[how]
    (root / "app" / "tests" / "__init__.py").write_text(package)
    (root / "app" / "views.py").write_text(views)
    (root / "app" / "tests" / "helpers.py").write_text(HELPER)
    commit_all(root, "base")
    git(root, "checkout", "-q", "-b", "feature")
    (root / "app" / "tests" / "helpers.py").write_text(
        HELPER.replace("timeout=5", "timeout=5, verify=False"))
    commit_all(root, "helper")
    flags = ["--enforce"] if mode == "enforce" else []
    for diff in ([], ["--diff-base", "main"]):
        proc = run_cli("scan", str(root), "--scanners", "bandit", "--format", "json",
                       "--no-cache", *diff, *flags, env={"XDG_CONFIG_HOME": str(tmp_path / "c")})
        doc = json.loads(proc.stdout)
        b501 = [f for f in doc["findings"] if "B501" in (f["rule"], *f["relatedRules"])]
        assert [f["severity"] for f in b501] == ["high"], (diff, doc["findings"])
        assert proc.returncode == 1, (diff, proc.stderr)
