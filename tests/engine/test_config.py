"""Configuration: unknown keys warn, invalid values exit 2 naming the file and the key."""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine.conftest import run_cli


@pytest.mark.parametrize("toml, key", [
    ('fail-on = "severe"\n', "fail-on"),
    ("exclude = 3\n", "exclude"),
    ("timeout = -1\n", "timeout"),
    ('[scanners.bandit]\nskip = "B101"\n', "scanners.bandit.skip"),
    ("fail-on = [\n", "invalid TOML"),
])
def test_invalid_values_exit_2_naming_the_key(project: Any, toml: str, key: str) -> None:
    root = project({"a.py": "x = 1\n", ".secsdlc.toml": toml})
    proc = run_cli("scan", str(root), "--scanners", "bandit")
    assert proc.returncode == 2
    assert ".secsdlc.toml" in proc.stderr and key in proc.stderr


def test_pyproject_table_and_unknown_keys(project: Any) -> None:
    root = project({
        "a.py": "import random\n\nTOKEN = random.random()\n",
        "vendor/b.py": "import os\nos.system(input())\n",
        "pyproject.toml": '[tool.secsdlc]\nexclude = ["vendor/**"]\nfail-on = "low"\n'
                          'colour = "blue"\n[tool.secsdlc.scanners.bandit]\nspeed = 3\n'
                          'all-checks = true\n',
    })
    proc = run_cli("scan", str(root), "--scanners", "bandit")
    assert "unknown key 'tool.secsdlc.colour'" in proc.stderr
    assert "tool.secsdlc.scanners.bandit.speed" in proc.stderr
    assert proc.returncode == 1  # fail-on = low makes B311 block
    assert "vendor/b.py" not in proc.stdout


def test_enabled_scanners_from_config(project: Any) -> None:
    root = project({"a.py": "import subprocess\n",
                    ".secsdlc.toml": '[scanners]\nenabled = ["secrets"]\n'})
    proc = run_cli("scan", str(root), "--format", "json")
    assert proc.returncode == 0
    assert '"name": "secrets"' in proc.stdout and '"name": "bandit"' not in proc.stdout
