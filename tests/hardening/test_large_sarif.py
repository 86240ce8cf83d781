"""A gate over a very large SARIF: the terminal report lists a readable number of findings and
says how many more there are; JSON keeps every one."""

from __future__ import annotations

import json
from pathlib import Path

from secsdlc.report.text import MAX_LISTED

from ..history.helpers import our_result, our_sarif, write
from .conftest import secsdlc


def test_text_report_caps_the_listed_findings_json_keeps_all(tmp_path: Path) -> None:
    total = MAX_LISTED + 700
    sarif = write(tmp_path / "big.sarif", our_sarif(
        [our_result(f"f{i}", line=i + 1, path=f"app/m{i % 7}.py") for i in range(total)]))
    text = secsdlc("gate", "--sarif", str(sarif), cwd=tmp_path)
    assert text.returncode == 1, text.stderr
    listed = [line for line in text.stdout.splitlines() if line.startswith("  app/m")]
    assert len(listed) == MAX_LISTED
    assert f"and {total - MAX_LISTED} more finding(s) not listed" in text.stdout
    assert f"HIGH ({total})" in text.stdout and f"{total} high" in text.stdout
    as_json = secsdlc("gate", "--sarif", str(sarif), "--format", "json", cwd=tmp_path)
    assert len(json.loads(as_json.stdout)["findings"]) == total
