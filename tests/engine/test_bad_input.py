"""Bad input yields a notification and the rest of the scan goes on; nothing crashes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tests.engine.conftest import ALL_CHECKS, run_cli

VULN = "import os\n\ndef f(x):\n    os.system(x)\n"


def test_bad_files_are_skipped_with_a_reason(project: Any, tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text(VULN)
    root = project({
        "good.py": VULN,
        ".secsdlc.toml": ALL_CHECKS,
        "blob.bin": b"\x00\x01\x02binary\x00",
        "latin1.py": "name = 'caf\xe9'\n".encode("latin-1"),
        "broken.py": "def f(:\n    pass\n",
        "huge.py": "x = '" + "a" * (10 * 1024 * 1024) + "'\n",
        "empty_dir/.keep": "",
    })
    os.symlink(outside, root / "link.py")
    proc = run_cli("scan", str(root), "--scanners", "bandit,semgrep,secrets", "--format", "json")
    doc = json.loads(proc.stdout)
    assert proc.returncode == 1, proc.stderr  # good.py's finding still blocks
    assert any(f["path"] == "good.py" for f in doc["findings"])
    notes = {n["path"]: n["message"] for n in doc["notifications"] if n["path"]}
    assert "binary" in notes["blob.bin"]
    assert "UTF-8" in notes["latin1.py"]
    assert "max-file-size" in notes["huge.py"]
    assert "outside the scan root" in notes["link.py"]
    assert "broken.py" in notes  # bandit cannot parse it and says so
    assert all(f["path"] != "link.py" for f in doc["findings"])


def test_empty_directory(project: Any) -> None:
    root = project({})
    proc = run_cli("scan", str(root), "--scanners", "bandit,semgrep", "--format", "json")
    doc = json.loads(proc.stdout)
    assert proc.returncode == 0, proc.stderr
    assert any(n["message"] == "no files to scan" for n in doc["notifications"])
