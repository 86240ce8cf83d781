"""Suite-wide: no test reads or writes the user's own secsdlc cache."""

from __future__ import annotations

import os
import tempfile

import pytest


def pytest_configure(config: pytest.Config) -> None:
    if "SECSDLC_CACHE_DIR" not in os.environ:
        os.environ["SECSDLC_CACHE_DIR"] = tempfile.mkdtemp(prefix="secsdlc-test-cache-")
    os.environ.setdefault("SEMGREP_ENABLE_VERSION_CHECK", "0")
