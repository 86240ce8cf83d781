"""The trends document as text for people, JSON for programs and CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from secsdlc.history.metrics import SEVERITIES
from secsdlc.sanitize import csv_cell

CSV_COLUMNS = ("section", "project", "period_start", "key", "value")
TEXT_PERIODS = 26  # a screenful; JSON and CSV carry the whole series


def to_json(doc: dict[str, Any]) -> str:
    # No indent: only then does json use its C encoder (the document can be large); pipe it
    # through `python -m json.tool` to read it.
    return json.dumps(doc) + "\n"


def to_csv(doc: dict[str, Any]) -> str:
    """Long format, one number per row: easy to pivot, and no column set to keep in step."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(tuple(csv_cell(v) for v in row) for row in _csv_rows(doc))
    return out.getvalue()


def _csv_rows(doc: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    for row in doc["series"]:
        start = row["start"]
        for key in ("open", "introduced", "fixed"):
            yield ("series", "", start, key, row[key])
        for sev, n in row["open_by_severity"].items():
            yield ("series", "", start, f"open.{sev}", n)
        for cat, n in row["open_by_owasp"].items():
            yield ("series", "", start, f"open.{cat}", n)
    scopes = [("total", "", doc["totals"])] + [("project", p["name"], p) for p in doc["projects"]]
    for section, name, block in scopes:
        for key, value in _flatten(block):
            yield (section, name, "", key, value)
    for key, value in _flatten(doc["compliance"]):
        yield ("compliance", "", "", key, value)


def _flatten(block: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in block.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, name + ".")
        elif isinstance(value, list):
            yield name, ",".join(str(v) for v in value)
        else:
            yield name, "" if value is None else value


def to_text(doc: dict[str, Any]) -> str:
    lines: list[str] = []
    t = doc["totals"]
    since = f" since {doc['since']}" if doc["since"] else ""
    lines.append(f"History: {t['projects']} project(s), {t['scans']} scan(s){since}")
    lines.append(f"Open findings: {t['open']['total']}  ({_sev_counts(t['open']['by_severity'])})")
    status = t["status"]
    lines.append("Status: " + ", ".join(f"{k} {v}" for k, v in status.items()))
    lines.append(f"Introduced {t['introduced']}, fixed {t['fixed']}{since}")
    lines.append("")
    lines.append("Time to remediate (days)")
    lines.append(f"  {'severity':<10}{'fixed':>7}{'mean':>10}{'median':>10}")
    for sev in SEVERITIES:
        r = t["remediation"][sev]
        lines.append(
            f"  {sev:<10}{r['fixed']:>7}{_num(r['mean_days']):>10}{_num(r['median_days']):>10}"
        )
    sla = t["sla"]
    lines.append("")
    lines.append(f"SLA breaches: {sla['breaches']}  ({_sev_counts(sla['by_severity'])})")
    lines.append(
        "SLA days: " + ", ".join(f"{k} {v}" for k, v in doc["sla_days"].items())
    )
    w = t["waivers"]
    lines.append(f"Waivers: active {w['active']}, expiring {w['expiring']}, expired {w['expired']}")
    c = doc["compliance"]
    lines.append(
        "Compliance: "
        + "; ".join(
            f"{label} {_share(c[key], c['projects'])}"
            for key, label in (
                ("with_correspondent", "with correspondent"),
                ("passing_gate_default_branch", "passing gate on default branch"),
                ("no_findings_past_sla", "no findings past SLA"),
            )
        )
    )
    if t["open"]["by_owasp"]:
        lines.append("")
        lines.append("Open by OWASP category")
        for cat, n in t["open"]["by_owasp"].items():
            lines.append(f"  {cat:<16}{n:>7}")
    lines.append("")
    lines.append("Projects")
    header = f"  {'name':<28}{'branch':<16}{'scans':>6}{'open':>6}"
    header += "".join(f"{s[:4]:>6}" for s in SEVERITIES) + f"{'sla!':>6}  gate"
    lines.append(header)
    for p in doc["projects"]:
        gate = "-"
        if p["last_scan"] is not None and p["last_scan"]["gate_passed"] is not None:
            gate = "pass" if p["last_scan"]["gate_passed"] else "FAIL"
        row = f"  {p['name'][:27]:<28}{p['tracked_branch'][:15]:<16}{p['scans']:>6}"
        row += f"{p['open']['total']:>6}"
        row += "".join(f"{p['open']['by_severity'][s]:>6}" for s in SEVERITIES)
        row += f"{p['sla']['breaches']:>6}  {gate}"
        lines.append(row)
    lines.append("")
    series = doc["series"][-TEXT_PERIODS:]
    shown = f" (last {len(series)} of {len(doc['series'])}; all in JSON/CSV)"
    lines.append(f"Per {doc['period']}" + (shown if len(series) < len(doc["series"]) else ""))
    lines.append(
        f"  {'start':<12}{'open':>6}"
        + "".join(f"{s[:4]:>6}" for s in SEVERITIES)
        + f"{'intro':>7}{'fixed':>7}"
    )
    for row in series:
        lines.append(
            f"  {row['start'][:10]:<12}{row['open']:>6}"
            + "".join(f"{row['open_by_severity'][s]:>6}" for s in SEVERITIES)
            + f"{row['introduced']:>7}{row['fixed']:>7}"
        )
    return "\n".join(lines) + "\n"


def _sev_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _share(entry: dict[str, Any], total: int) -> str:
    share = entry["share"]
    pct = "-" if share is None else f"{share * 100:.0f}%"
    return f"{entry['count']}/{total} ({pct})"
