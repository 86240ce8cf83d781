"""Suite-wide: no test reads or writes the user's own secsdlc cache, and the environment does not
choose the scan mode."""

from __future__ import annotations

import os
import tempfile

import pytest

from tests.resources import REQUIRE_TOOLS_ENV


def pytest_configure(config: pytest.Config) -> None:
    # secsdlc scans in enforce mode under CI=true or with a trust root in the environment; each
    # test chooses the mode it tests, so the suite checks the same thing on a laptop and in CI.
    # CI=true still makes a missing optional tool fail instead of skipping.
    if os.environ.get("CI") == "true":
        os.environ[REQUIRE_TOOLS_ENV] = "1"
    # A CI system's own variables (GITHUB_ACTIONS, JENKINS_URL...) would give every run a cache
    # key of its own; each test sets them when it tests a CI job.
    from secsdlc.mode import CI_VARIABLES

    for name in (*CI_VARIABLES, "SECSDLC_ENFORCE", "SECSDLC_TRUST_ROOT"):
        os.environ.pop(name, None)
    if "SECSDLC_CACHE_DIR" not in os.environ:
        os.environ["SECSDLC_CACHE_DIR"] = tempfile.mkdtemp(prefix="secsdlc-test-cache-")
    os.environ.setdefault("SEMGREP_ENABLE_VERSION_CHECK", "0")
