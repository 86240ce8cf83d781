"""The HTML reports in real headless Chromium: they load without errors and the charts render."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from secsdlc.report.html import FIXED_COLOR, INTRODUCED_COLOR, SEVERITY_COLORS
from tests.resources import tools_required

from .helpers import cli, our_result, our_sarif, write

WINDOW = (1400, 1700)


@pytest.fixture(scope="module")
def chromium() -> Path:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if tools_required():
            pytest.fail("chromium missing in CI: source .ci/chromium.sh")
        pytest.skip("chromium not installed (source .ci/chromium.sh)")
    return Path(found)


def browse(chromium: Path, url: str, tmp: Path, *mode: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [
            str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
            "--hide-scrollbars", f"--window-size={WINDOW[0]},{WINDOW[1]}", *mode, url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def console_messages(stderr: str) -> list[str]:
    # Chromium logs every console message, CSP violation and uncaught exception as CONSOLE.
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def check_page(chromium: Path, page: Path, tmp: Path) -> tuple[str, Image.Image]:
    dom = browse(chromium, page.as_uri(), tmp, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    body = re.search(r"<body[^>]*>", dom.stdout)
    assert body is not None
    assert 'data-ready="1"' in body.group(0), body.group(0)  # our script ran to the end
    assert 'data-errors=""' in body.group(0), body.group(0)
    assert console_messages(dom.stderr) == []
    shot_path = tmp / f"{page.stem}.png"
    shot = browse(chromium, page.as_uri(), tmp, f"--screenshot={shot_path}")
    assert shot.returncode == 0 and shot_path.is_file(), shot.stderr[-2000:]
    assert console_messages(shot.stderr) == []
    return dom.stdout, Image.open(shot_path).convert("RGB")


def chart_box(dom: str, chart_id: str) -> tuple[int, int, int, int]:
    match = re.search(rf'id="{chart_id}"><svg [^>]*data-box="(\d+),(\d+),(\d+),(\d+)"', dom)
    assert match, f"{chart_id} has no layout box"
    x, y, w, h = (int(v) for v in match.groups())
    assert w > 100 and h > 100 and y + h <= WINDOW[1], (chart_id, x, y, w, h)
    return x, y, x + w, y + h


def colored_pixels(image: Image.Image, box: tuple[int, int, int, int], colors: list[str]) -> int:
    targets = [tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in colors]
    data = image.crop(box).tobytes()
    count = 0
    for i in range(0, len(data), 3):
        r, g, b = data[i], data[i + 1], data[i + 2]
        if any(abs(r - t[0]) + abs(g - t[1]) + abs(b - t[2]) < 24 for t in targets):
            count += 1
    return count


@pytest.fixture
def history_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    start = datetime(2026, 1, 5)
    severities = ["critical", "high", "medium", "low", "high", "medium"]
    for week in range(10):
        results = [
            our_result(f"f{i}", severity=severities[i % len(severities)], path=f"src/m{i}.py",
                       cwe=(89,) if i % 2 else (79, 327), snippet=f"line_{i}()")
            for i in range(week, week + 12)
        ]
        results.append(our_result("waived", suppressions=[
            {"kind": "external", "properties": {"approver": "alice", "expires": "2026-12-01"}}
        ]))
        when = (start + timedelta(weeks=week)).isoformat() + "Z"
        sarif = write(tmp_path / f"w{week}.sarif", our_sarif(results, start=when))
        project = "shop" if week % 3 else "api"
        assert cli(["history", "record", str(sarif), "--project", project, "--db", url,
                    "--branch", "main"]) == 0
    return url


def test_dashboard_loads_cleanly_and_its_charts_render(
    chromium: Path, history_db: str, tmp_path: Path
) -> None:
    page = tmp_path / "dashboard.html"
    assert cli(["report", "--html", str(page), "--db", history_db, "--period", "week"]) == 0
    html = page.read_text()
    # Self-contained: nothing is fetched, whatever the network.
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "default-src 'none'" in html
    dom, image = check_page(chromium, page, tmp_path)
    # Saturated colours only: the grey of "info" also appears in anti-aliased text.
    severity = [c for sev, c in SEVERITY_COLORS.items() if sev != "info"]
    blank_area = colored_pixels(image, (0, 0, 300, 60), severity)
    assert blank_area == 0  # the header: the colour check is not fooled by anything
    open_chart = chart_box(dom, "chart-open")
    assert colored_pixels(image, open_chart, severity) > 3000
    flow = chart_box(dom, "chart-flow")
    assert colored_pixels(image, flow, [INTRODUCED_COLOR]) > 300
    assert colored_pixels(image, flow, [FIXED_COLOR]) > 300
    assert 'data-status="waived"' in dom and "src/m3.py" in dom


def test_review_page_of_one_sarif_filters_from_the_url(
    chromium: Path, tmp_path: Path
) -> None:
    results = [
        our_result("a", severity="critical", path="a.py", snippet="eval(request.args['x'])"),
        our_result("b", severity="low", path="b.py"),
        our_result("c", severity="low", path="c.py",
                   suppressions=[{"kind": "inSource", "justification": "test fixture"}]),
    ]
    sarif = write(tmp_path / "one.sarif", our_sarif(results))
    page = tmp_path / "review.html"
    assert cli(["report", str(sarif), "--html", str(page)]) == 0
    dom, image = check_page(chromium, page, tmp_path)
    assert colored_pixels(image, chart_box(dom, "chart-severity"),
                          [SEVERITY_COLORS["critical"]]) > 1000
    assert "eval(request.args[&#39;x&#39;])" in page.read_text()  # snippet, escaped
    filtered = browse(chromium, page.as_uri() + "#severity=low", tmp_path, "--dump-dom")
    rows = re.findall(r'<tr class="finding"[^>]*>', filtered.stdout)
    assert len(rows) == 3
    hidden = [r for r in rows if "hidden" in r]
    assert len(hidden) == 1 and 'data-severity="critical"' in hidden[0]
    assert '<span id="shown">2</span>' in filtered.stdout


def test_a_broken_page_is_caught(chromium: Path, tmp_path: Path) -> None:
    """The checks above can fail: a script error and a blocked fetch are both seen."""
    sarif = write(tmp_path / "one.sarif", our_sarif([our_result("a")]))
    page = tmp_path / "review.html"
    assert cli(["report", str(sarif), "--html", str(page)]) == 0
    broken = tmp_path / "broken.html"
    broken.write_text(
        page.read_text().replace(
            "</main>", '</main><img src="http://192.0.2.1/x.png"><script>nope();</script>'
        )
    )
    dom = browse(chromium, broken.as_uri(), tmp_path, "--dump-dom")
    assert "nope is not defined" in dom.stdout  # window error handler recorded it
    assert console_messages(dom.stderr) != []
