"""Suite-wide: no test reads or writes the user's own secsdlc cache, and the environment does not
choose the scan mode."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping

import pytest

from tests.resources import REQUIRE_TOOLS_ENV


def outside_ci(environ: Mapping[str, str]) -> dict[str, str]:
    """`environ` as a developer's machine has it: without any variable that makes a run CI (every
    CI system's, from `mode.CI_VARIABLES`, so one added there is left out here too) or enforce
    mode. An advisory-mode test passes this, whatever the environment the suite runs in."""
    from secsdlc.mode import CI_VARIABLES, ENFORCE_ENV, TRUST_ROOT_ENV

    dropped = {*CI_VARIABLES, ENFORCE_ENV, TRUST_ROOT_ENV}
    return {k: v for k, v in environ.items() if k not in dropped}


def pytest_configure(config: pytest.Config) -> None:
    # secsdlc scans in enforce mode under CI=true or with a trust root in the environment; each
    # test chooses the mode it tests, so the suite checks the same thing on a laptop and in CI.
    # CI=true still makes a missing optional tool fail instead of skipping.
    if os.environ.get("CI") == "true":
        os.environ[REQUIRE_TOOLS_ENV] = "1"
    # A CI system's own variables (GITHUB_ACTIONS, JENKINS_URL...) would make every run enforce
    # mode with a cache key of its own; each test sets them when it tests a CI job.
    for name in set(os.environ) - set(outside_ci(os.environ)):
        del os.environ[name]
    if "SECSDLC_CACHE_DIR" not in os.environ:
        os.environ["SECSDLC_CACHE_DIR"] = tempfile.mkdtemp(prefix="secsdlc-test-cache-")
    os.environ.setdefault("SEMGREP_ENABLE_VERSION_CHECK", "0")
