"""Dependency data that once let a vulnerable pin pass."""

from __future__ import annotations

from typing import Any

from tests.enforce.conftest import scan


def test_advisory_without_a_severity_blocks(project: Any, mode: str) -> None:
    # the embedded snapshot rates none of django 1.11.0's advisories; elsewhere they score 9.8
    root = project({"requirements.txt": "django==1.11.0\n"})
    out = scan(mode, root, scanners="deps")
    assert out.rc == 1, (out.doc["verdict"], out.notes)
    assert any(f["path"] == "requirements.txt" and f["severity"] in ("high", "critical")
               for f in out.doc["findings"])


def test_lock_file_version_that_is_a_number(project: Any, mode: str) -> None:
    root = project({"uv.lock": 'version = 1\n\n[[package]]\nname = "django"\n'
                               'version = 1.11\n'})
    out = scan(mode, root, scanners="deps")
    assert out.rc == 2, (out.doc["findings"], out.notes)
    [error] = [n for n in out.notes if n["level"] == "error"]
    assert "uv.lock" in error["message"] and ":5" in error["message"] and "string" in error[
        "message"]
