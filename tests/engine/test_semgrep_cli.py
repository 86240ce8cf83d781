"""semgrep's native command line (the default) finds exactly what its Python one finds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from secsdlc.model import Finding
from secsdlc.scanners.interface import ScanRequest
from secsdlc.scanners.semgrep import SemgrepScanner
from tests.engine.conftest import EXAMPLE, REPO, run_cli


def _key(f: Finding) -> tuple[object, ...]:
    loc = f.location
    return (f.rule_id, loc.path, loc.start_line, loc.start_column, loc.end_line,
            loc.end_column, f.message, f.severity, f.cwe, f.owasp_2025)


def _scan(root: Path, files: list[str], **options: object) -> list[tuple[object, ...]]:
    out = SemgrepScanner().scan(ScanRequest(root=root, files=tuple(files), options=options))
    assert not out.notifications, out.notifications
    return sorted(_key(f) for f in out.findings)


def test_both_command_lines_find_the_same() -> None:
    """The pack's own test files and the bundled example: every rule fires somewhere."""
    files = sorted(p.relative_to(REPO).as_posix()
                   for p in [*(REPO / "rules").rglob("*.py"), *EXAMPLE.rglob("*.py")])
    native = _scan(REPO, files, cli="osemgrep")
    python = _scan(REPO, files, cli="pysemgrep")
    assert native == python
    assert native == _scan(REPO, files)  # the default is the native one
    fired = {k[0] for k in native}
    pack = {rule["id"] for path in (REPO / "rules").rglob("*.yaml")
            for rule in yaml.safe_load(path.read_text())["rules"]}
    assert pack <= fired, sorted(pack - fired)


def test_unknown_command_line_is_a_configuration_error(project: Any) -> None:
    root = project({"a.py": "x = 1\n", ".secsdlc.toml": '[scanners.semgrep]\ncli = "fast"\n'})
    proc = run_cli("scan", str(root), "--scanners", "semgrep")
    assert proc.returncode == 2
    assert ".secsdlc.toml" in proc.stderr and "scanners.semgrep.cli" in proc.stderr
    assert "'osemgrep', 'pysemgrep'" in proc.stderr


def _no_network_available() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    return subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _no_network_available(), reason="needs unprivileged network namespaces")
@pytest.mark.parametrize("cli", ["osemgrep", "pysemgrep"])
def test_scan_without_any_network(project: Any, cli: str) -> None:
    """In a network namespace with no interface at all, semgrep neither stalls nor fails."""
    root = project({"app.py": "def view(request):\n    return eval(request.args['q'])\n",
                    ".secsdlc.toml": f'[scanners.semgrep]\ncli = "{cli}"\n'})
    proc = subprocess.run(
        ["unshare", "-rn", sys.executable, "-m", "secsdlc", "scan", str(root),
         "--scanners", "semgrep", "--format", "json", "--no-cache"],
        capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "secsdlc.python.injection.code-injection" in proc.stdout
