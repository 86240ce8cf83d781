"""Self-contained HTML: a remediation dashboard from history, or a review page of one SARIF file.

Everything a page needs is inlined (CSS, JavaScript, SVG charts drawn here) and a Content Security
Policy forbids any fetch, so a report opened offline or attached to a ticket looks the same and
cannot leak what it shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from secsdlc import __version__
from secsdlc.history.interface import Disposition, ImportedScan
from secsdlc.history.metrics import SEVERITIES, FindingState, waiver_status
from secsdlc.history.policy import Policy

SEVERITY_COLORS = {
    "critical": "#9b1c31",
    "high": "#e4572e",
    "medium": "#f3a712",
    "low": "#3f88c5",
    "info": "#8d99ae",
}
INTRODUCED_COLOR = "#6a4c93"
FIXED_COLOR = "#2a9d4b"
CATEGORY_COLOR = "#17808e"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("secsdlc.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["severity_colors"] = SEVERITY_COLORS
    env.globals["version"] = __version__
    return env


def render_dashboard(
    doc: dict[str, Any], states: Sequence[FindingState], *, policy: Policy, now: datetime
) -> str:
    series = doc["series"]
    labels = [row["start"][:10] for row in series]
    charts = {
        "open": bar_chart(
            labels,
            [
                (sev, SEVERITY_COLORS[sev], [row["open_by_severity"][sev] for row in series])
                for sev in SEVERITIES
            ],
            stacked=True,
            title="Open findings by severity",
        ),
        "flow": bar_chart(
            labels,
            [
                ("introduced", INTRODUCED_COLOR, [row["introduced"] for row in series]),
                ("fixed", FIXED_COLOR, [row["fixed"] for row in series]),
            ],
            stacked=False,
            title="Introduced vs fixed",
        ),
        "owasp": hbar_chart(
            list(doc["totals"]["open"]["by_owasp"].items()),
            color=CATEGORY_COLOR,
            title="Open findings by OWASP Top 10 (2025) category",
        ),
        "mttr": bar_chart(
            list(SEVERITIES),
            [
                (
                    "median days",
                    CATEGORY_COLOR,
                    [doc["totals"]["remediation"][s]["median_days"] or 0 for s in SEVERITIES],
                )
            ],
            stacked=False,
            title="Median days to remediate",
            colors_by_category=[SEVERITY_COLORS[s] for s in SEVERITIES],
        ),
    }
    rows = [_state_row(s, policy, now) for s in states]
    return (
        _environment()
        .get_template("dashboard.html.j2")
        .render(
            title="secsdlc remediation dashboard",
            doc=doc,
            charts=charts,
            rows=rows,
            filters=_filters(rows),
            severities=SEVERITIES,
            generated=now.strftime("%Y-%m-%d %H:%M UTC"),
        )
    )


def render_sarif_review(scan: ImportedScan, *, policy: Policy, now: datetime) -> str:
    rows = []
    for f in scan.findings:
        waiver = ""
        if f.disposition is Disposition.WAIVED:
            waiver = (
                "expired"
                if f.waiver_expires is not None and f.waiver_expires <= now
                else "active"
            )
        rows.append(
            {
                "project": "",
                "severity": f.severity.value,
                "categories": f.owasp_2025 or ("uncategorized",),
                "owasp_2021": f.owasp_2021,
                "cwe": f.cwe,
                "status": _status(None, f.disposition),
                "lifecycle": "",
                "disposition": f.disposition.value,
                "waiver": waiver,
                "rule_id": f.rule_id,
                "tool": f.tool,
                "path": f.path,
                "line": f.start_line,
                "message": f.message,
                "snippet": f.snippet,
                "age_days": None,
                "sla_days": policy.sla_for(f.severity, f.path),
                "past_sla": False,
                "introduced": "",
                "approver": f.waiver_approver,
                "expires": f.waiver_expires.strftime("%Y-%m-%d") if f.waiver_expires else "",
                "justification": f.justification,
                "help_uri": _safe_link(f.help_uri),
            }
        )
    rows.sort(key=lambda r: (-SEVERITIES[::-1].index(r["severity"]), r["path"], r["line"] or 0))
    counts = Counter(r["severity"] for r in rows)
    chart = bar_chart(
        list(SEVERITIES),
        [("findings", CATEGORY_COLOR, [counts.get(s, 0) for s in SEVERITIES])],
        stacked=False,
        title="Findings by severity",
        colors_by_category=[SEVERITY_COLORS[s] for s in SEVERITIES],
    )
    return (
        _environment()
        .get_template("review.html.j2")
        .render(
            title=f"secsdlc review: {scan.source.rsplit('/', 1)[-1]}",
            scan=scan,
            chart=chart,
            rows=rows,
            filters=_filters(rows),
            counts={s: counts.get(s, 0) for s in SEVERITIES},
            generated=now.strftime("%Y-%m-%d %H:%M UTC"),
        )
    )


def _status(lifecycle: str | None, disposition: Disposition | None) -> str:
    if disposition is Disposition.WAIVED:
        return "waived"
    if disposition is Disposition.SUPPRESSED:
        return "suppressed"
    return lifecycle or "open"


def _state_row(s: FindingState, policy: Policy, now: datetime) -> dict[str, Any]:
    f = s.finding
    return {
        "project": s.project,
        "severity": f.severity.value,
        "categories": f.owasp_2025 or ("uncategorized",),
        "owasp_2021": f.owasp_2021,
        "cwe": f.cwe,
        "status": _status(s.lifecycle.value, s.disposition),
        "lifecycle": s.lifecycle.value,
        "disposition": s.disposition.value if s.disposition else "",
        "waiver": waiver_status(s, policy, now),
        "rule_id": f.rule_id,
        "tool": f.tool,
        "path": f.path,
        "line": s.line,
        "message": f.message,
        "snippet": f.snippet,
        "age_days": round(s.age_days, 1),
        "sla_days": s.sla_days,
        "past_sla": s.past_sla,
        "introduced": s.introduced_at.strftime("%Y-%m-%d"),
        "approver": s.waiver_approver,
        "expires": s.waiver_expires.strftime("%Y-%m-%d") if s.waiver_expires else "",
        "justification": s.justification,
        "help_uri": _safe_link(f.help_uri),
    }


def _filters(rows: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    return {
        "severity": [s for s in SEVERITIES if any(r["severity"] == s for r in rows)],
        "category": sorted({c for r in rows for c in r["categories"]}),
        "status": sorted({r["status"] for r in rows}),
        "project": sorted({r["project"] for r in rows if r["project"]}),
    }


def _safe_link(uri: str) -> str:
    # Only web links: a javascript: or data: URI from a foreign SARIF must not become clickable.
    return uri if uri.startswith(("https://", "http://")) else ""


def bar_chart(
    labels: Sequence[str],
    datasets: Sequence[tuple[str, str, Sequence[float]]],
    *,
    stacked: bool,
    title: str,
    colors_by_category: Sequence[str] | None = None,
    width: int = 640,
    height: int = 260,
) -> Markup:
    """Vertical bars as inline SVG; each dataset is (name, colour, one value per label)."""
    left, right, top, bottom = 44, 12, 28, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(labels), 1)
    columns = [[ds[2][i] for ds in datasets] for i in range(len(labels))]
    totals = [sum(col) if stacked else max(col, default=0) for col in columns]
    peak = _nice_max(max(totals, default=0))
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
        f'<text x="{left}" y="16" class="chart-title">{escape(title)}</text>',
    ]
    for k in range(5):
        value = peak * k / 4
        y = top + plot_h - plot_h * k / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">'
            f"{_fmt(value)}</text>"
        )
    slot = plot_w / n
    groups = 1 if stacked else max(len(datasets), 1)
    bar_w = max(min(slot * 0.8 / groups, 48), 1.0)
    for i, label in enumerate(labels):
        x0 = left + slot * i + (slot - bar_w * groups) / 2
        base = 0.0
        for d, (name, color, values) in enumerate(datasets):
            value = values[i]
            if colors_by_category is not None:
                color = colors_by_category[i]
            h = plot_h * value / peak if peak else 0
            x = x0 if stacked else x0 + d * bar_w
            y = top + plot_h - h - (plot_h * base / peak if stacked and peak else 0)
            if h > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                    f'fill="{color}"><title>{escape(label)} {escape(name)}: {_fmt(value)}'
                    "</title></rect>"
                )
            if stacked:
                base += value
        every = max(1, -(-n // 8))  # at most 8 labels: dates need room
        if i % every == 0:
            cx = left + slot * i + slot / 2
            parts.append(
                f'<text x="{cx:.1f}" y="{height - bottom + 14}" class="axis" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    if colors_by_category is None:
        x = left
        for name, color, _ in datasets:
            parts.append(
                f'<rect x="{x}" y="{height - 18}" width="10" height="10" fill="{color}"/>'
                f'<text x="{x + 14}" y="{height - 9}" class="axis">{escape(name)}</text>'
            )
            x += 14 + 8 * len(name) + 16
    parts.append("</svg>")
    return Markup("".join(parts))


def hbar_chart(
    items: Sequence[tuple[str, int]], *, color: str, title: str, width: int = 640
) -> Markup:
    """Horizontal bars, one per (label, value)."""
    row_h, top, label_w = 22, 28, 110
    height = top + row_h * max(len(items), 1) + 10
    peak = max((v for _, v in items), default=0)
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
        f'<text x="4" y="16" class="chart-title">{escape(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="4" y="{top + 14}" class="axis">no open findings</text>')
    plot_w = width - label_w - 60
    for i, (label, value) in enumerate(items):
        y = top + i * row_h
        w = plot_w * value / peak if peak else 0
        parts.append(
            f'<text x="4" y="{y + 15}" class="axis">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row_h - 6}" '
            f'fill="{color}"><title>{escape(label)}: {value}</title></rect>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" class="axis">{value}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _nice_max(value: float) -> float:
    if value <= 0:
        return 4.0
    for step in (1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000):
        if value <= step * 4:
            return float(step * 4)
    magnitude = 10 ** (len(str(int(value))) - 1)
    return float((int(value / magnitude) + 1) * magnitude)


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
