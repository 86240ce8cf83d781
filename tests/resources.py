"""Where the tests find their data and tools: inside the repository, or beside the interpreter.

Nothing here names a path of one machine, so a fresh clone tests exactly what it holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from secsdlc.process import which

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SARIF_SCHEMA = DATA / "schemas" / "sarif-schema-2.1.0.json"
# Every seventh record of the PyPA advisory database snapshot the shipped database is built from
OSV_PYPA_SLICE = DATA / "osv-pypa-slice" / "vulns"
# set by tests/conftest.py when the suite runs under CI=true
REQUIRE_TOOLS_ENV = "SECSDLC_TESTS_REQUIRE_TOOLS"


def tools_required() -> bool:
    """Whether a missing optional tool (PostgreSQL, Chromium, the npm validators) fails the test
    instead of skipping it: in CI, where .ci/run installs them all."""
    import os

    return os.environ.get(REQUIRE_TOOLS_ENV) == "1"


def installed_tool(name: str) -> str:
    """A console script installed with the test extras (secsdlc, bandit, semgrep...).

    They come with the package, so a missing one is a broken install: the test fails, never skips.
    """
    found = which(name)
    if found is None:
        pytest.fail(f"{name} is not installed beside the running interpreter nor on PATH")
    return found
