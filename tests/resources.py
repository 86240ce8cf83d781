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


def installed_tool(name: str) -> str:
    """A console script installed with the test extras (secsdlc, bandit, semgrep...).

    They come with the package, so a missing one is a broken install: the test fails, never skips.
    """
    found = which(name)
    if found is None:
        pytest.fail(f"{name} is not installed beside the running interpreter nor on PATH")
    return found
