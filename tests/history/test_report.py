"""HTML content checks that need no browser: escaping, links, secrets, filters' data."""

from __future__ import annotations

import re
from pathlib import Path

from .helpers import cli, our_result, our_sarif, write


def test_hostile_sarif_text_is_escaped_and_links_are_web_only(tmp_path: Path) -> None:
    result = our_result("x", rule='"><img src=x onerror=alert(1)>', path="<b>a.py</b>",
                        snippet="</pre><script>alert(2)</script>")
    result["message"]["text"] = "<script>alert(3)</script>"
    doc = our_sarif([result])
    doc["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "javascript:alert(4)"
    sarif = write(tmp_path / "evil.sarif", doc)
    page = tmp_path / "evil.html"
    assert cli(["report", str(sarif), "--html", str(page)]) == 0
    html = page.read_text()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>a.py</b>" not in html
    assert "javascript:" not in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html  # shown, as text


def test_secrets_do_not_reach_the_review_page(tmp_path: Path) -> None:
    result = our_result("s", rule="hardcoded-password", cwe=(798,),
                        snippet='API_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"')
    result["message"]["text"] = "Hard-coded token 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'"
    sarif = write(tmp_path / "secret.sarif", our_sarif([result]))
    page = tmp_path / "secret.html"
    assert cli(["report", str(sarif), "--html", str(page)]) == 0
    html = page.read_text()
    assert "ghp_abcdef" not in html
    assert "snippet withheld" in html


def test_dashboard_rows_carry_what_the_filters_need(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    waiver = {"kind": "external", "properties": {"approver": "carol", "expires": "2099-01-01"}}
    results = [
        our_result("a", severity="critical"),
        our_result("b", severity="low", cwe=(327,), owasp=()),
        our_result("w", suppressions=[waiver]),
    ]
    sarif = write(tmp_path / "s.sarif", our_sarif(results))
    assert cli(["history", "record", str(sarif), "--project", "shop", "--db", url]) == 0
    page = tmp_path / "d.html"
    assert cli(["report", "--html", str(page), "--db", url]) == 0
    html = page.read_text()
    rows = re.findall(r'<tr class="finding"([^>]*)>', html)
    assert len(rows) == 3
    assert any('data-severity="critical"' in r and 'data-status="new"' in r for r in rows)
    # CWE-327 with no category given: derived, A04:2025 (Cryptographic Failures)
    assert any('data-categories="A04:2025"' in r for r in rows)
    assert any('data-status="waived"' in r for r in rows)
    assert "by carol" in html and "until 2099-01-01" in html
    for option in ("<option>critical</option>", "<option>waived</option>", "<option>shop</option>"):
        assert option in html


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    sarif = write(tmp_path / "s.sarif", our_sarif([our_result("a")]))
    assert cli(["report", str(sarif), "--html", str(tmp_path / "no" / "dir" / "r.html")]) == 2
    url = f"sqlite:///{tmp_path / 'h.db'}"
    assert cli(["trends", "--db", url, "-o", str(tmp_path / "no" / "t.txt")]) == 2
