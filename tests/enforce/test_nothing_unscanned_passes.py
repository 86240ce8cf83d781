"""Files that some scanner should have analysed and could not: an error that fails an enforced
scan (exit 2), a visible warning in advisory mode. Each test is one way a commit hid code."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest

from secsdlc.config import Config
from secsdlc.engine import ScanPlan
from secsdlc.engine import scan as engine_scan
from secsdlc.mode import Mode
from secsdlc.model import NotificationKind
from secsdlc.scanners.interface import ScannerOutput, ScanRequest
from tests.enforce.conftest import VULN, run_cli, scan


def _unscanned(mode: str, out: Any, path: str) -> None:
    """The mode's documented behaviour for a file that was not scanned."""
    if mode == "enforce":
        assert out.rc == 2, (out.doc["verdict"], out.stderr)
        assert out.errors_about(path), out.notes
        assert out.doc["mode"] == "enforce"
    else:
        assert out.rc == 0, (out.doc["verdict"], out.stderr)
        assert any("enforce mode" in m for m in out.warnings_about(path)), out.notes
        assert out.doc["mode"] == "advisory"


def test_latin1_coding_cookie(project: Any, mode: str) -> None:
    source = "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n" + VULN
    root = project({"app.py": source.encode("latin-1")})
    out = scan(mode, root)
    assert out.rc == 1, out.notes  # scanned, and its finding blocks in both modes
    assert any(f["path"] == "app.py" and "B501" in (f["rule"], *f["relatedRules"])
               for f in out.doc["findings"])


def test_file_over_max_file_size(project: Any, mode: str) -> None:
    root = project({"app.py": VULN + "# " + "x" * 2_000_000 + "\n"})
    _unscanned(mode, scan(mode, root), "app.py")


def test_file_over_semgreps_own_limit(project: Any, mode: str) -> None:
    # ours raised to 2 MB, semgrep's own stays at 1,000,000 bytes
    root = project({"app.py": "x = 1\n# " + "x" * 1_200_000 + "\n",
                    ".secsdlc.toml": "max-file-size = 2000000\n"})
    _unscanned(mode, scan(mode, root, scanners="semgrep"), "app.py")


def test_file_bandit_crashes_on(project: Any, mode: str) -> None:
    root = project({"app.py": "x = " + "+".join(["1"] * 1500) + "\n"})
    _unscanned(mode, scan(mode, root, scanners="bandit"), "app.py")


def test_syntax_newer_than_the_interpreter(project: Any, mode: str) -> None:
    # PEP 695 (3.12) on an older interpreter, PEP 758 (3.14) on a newer one
    newer = ("type Alias = int\n" if not hasattr(__import__("typing"), "TypeAliasType")
             else "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n")
    root = project({"app.py": newer + VULN})
    out = scan(mode, root, scanners="bandit")
    _unscanned(mode, out, "app.py")


def test_symlink_to_a_file_no_scanner_handles(project: Any, mode: str) -> None:
    root = project({"notes.txt": VULN})
    os.symlink("notes.txt", root / "app.py")
    _unscanned(mode, scan(mode, root, scanners="bandit,semgrep"), "app.py")


def test_nul_byte_in_python_file(project: Any, mode: str) -> None:
    root = project({"app.py": VULN.encode() + b"# \x00\n"})
    _unscanned(mode, scan(mode, root), "app.py")


def test_fifo(project: Any, mode: str) -> None:
    root = project({"ok.py": "x = 1\n"})
    os.mkfifo(root / "pipe.py")
    _unscanned(mode, scan(mode, root), "pipe.py")


def test_named_file_outside_the_root(project: Any, mode: str, tmp_path: Path) -> None:
    root = project({"ok.py": "x = 1\n"})
    outside = tmp_path / "elsewhere.py"
    outside.write_text(VULN)
    _unscanned(mode, scan(mode, root, str(root / "ok.py"), str(outside)), "elsewhere.py")


def test_include_matching_nothing(project: Any, mode: str, tmp_path: Path) -> None:
    # the CI job's own configuration, outside the repository: trusted in enforce mode too
    job_config = tmp_path / "ci.toml"
    job_config.write_text('include = ["src/**"]\n')
    root = project({"app.py": VULN})
    _unscanned(mode, scan(mode, root, str(root), "--config", str(job_config)), "include")


def test_include_matching_nothing_from_the_repository(project: Any, mode: str) -> None:
    root = project({"app.py": VULN, ".secsdlc.toml": 'include = ["src/**"]\n'})
    out = scan(mode, root)
    if mode == "enforce":  # the unsigned file is ignored: everything is scanned, and blocks
        assert out.rc == 1 and ".secsdlc.toml" in out.stderr
    else:
        _unscanned(mode, out, "include")


def test_option_like_file_name(project: Any, mode: str) -> None:
    """`-xapp.py` must be a file to bandit, not `-x app.py` excluding the real file."""
    root = project({"app.py": VULN, "-xapp.py": "x = 1\n"})
    out = scan(mode, root, scanners="bandit")
    assert out.rc == 1, out.notes
    assert any(f["path"] == "app.py" for f in out.doc["findings"])


def test_scanner_exiting_2_with_valid_json(project: Any, mode: str, tmp_path: Path) -> None:
    fake = tmp_path / "bandit"
    fake.write_text("#!/bin/sh\necho '{\"results\": [], \"errors\": []}'\nexit 2\n")
    fake.chmod(0o755)
    root = project({"app.py": VULN})
    out = scan(mode, root, scanners="bandit", env={"SECSDLC_BANDIT_EXECUTABLE": str(fake)})
    assert out.rc == 2 and out.doc["scanners"][0]["succeeded"] is False


def test_empty_sarif_runs(project: Any, mode: str, tmp_path: Path) -> None:
    root = project({"app.py": "x = 1\n"})
    sarif = tmp_path / "empty.sarif"
    sarif.write_text(json.dumps({"version": "2.1.0", "runs": []}))
    flags = ["--enforce"] if mode == "enforce" else []
    proc = run_cli("gate", "--sarif", str(sarif), "--root", str(root), *flags)
    assert proc.returncode == 2, proc.stdout + proc.stderr


class _Dies:
    """A plugin whose scan raises SystemExit: outside `Exception`, it once left the run a
    success with no findings."""

    name = "dies"
    information_uri = "https://example.invalid"
    options: ClassVar[dict[str, Any]] = {}

    def version(self) -> str:
        return "1"

    def applies_to(self, path: str) -> bool:
        return True

    def scan(self, request: ScanRequest) -> ScannerOutput:
        raise SystemExit(0)


@pytest.mark.parametrize("where", ["scan", "progress"])
def test_scanner_thread_dying_outside_exception(project: Any, mode: str, where: str) -> None:
    root = project({"app.py": "x = 1\n"})
    plan = ScanPlan(root=root, paths=(root,), config=Config(), scanners={"dies": _Dies()},
                    mode=Mode(mode))

    def progress(name: str, state: str) -> None:
        if where == "progress" and state == "started":
            raise KeyboardInterrupt

    before = threading.active_count()
    result = engine_scan(plan, progress=progress if where == "progress" else None)
    assert result.failed_scanners == ("dies",)
    assert any(n.kind is NotificationKind.SCANNER_FAILURE for n in result.all_notifications)
    assert threading.active_count() <= before
