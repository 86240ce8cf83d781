"""Combine SARIF files of one scan split into shards: one run per tool, each finding once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from secsdlc.model import Finding, Notification, ScannerRun, ScanResult


def merge(results: Sequence[ScanResult]) -> ScanResult:
    runs: dict[str, ScannerRun] = {}
    for result in results:
        for run in result.runs:
            name = run.tool.name
            if name not in runs:
                runs[name] = run
                continue
            current = runs[name]
            seen = {f.fingerprint for f in current.findings}
            findings: list[Finding] = list(current.findings)
            findings += [f for f in run.findings if f.fingerprint not in seen]
            notes: list[Notification] = list(current.notifications)
            notes += [n for n in run.notifications if n not in notes]
            runs[name] = replace(
                current,
                rules={**run.rules, **current.rules},
                findings=tuple(sorted(findings, key=lambda f: (
                    f.location.path, f.location.start_line, f.location.start_column,
                    f.rule_id))),
                notifications=tuple(notes),
                succeeded=current.succeeded and run.succeeded,
                duration_s=max(current.duration_s, run.duration_s),
                start_time_utc=min(filter(None, (current.start_time_utc, run.start_time_utc)),
                                   default=None),
                end_time_utc=max(filter(None, (current.end_time_utc, run.end_time_utc)),
                                 default=None),
            )
    notes = []
    for result in results:
        notes += [n for n in result.notifications if n not in notes]
    root = results[0].root if results else "."
    return ScanResult(root=root, runs=tuple(runs.values()), notifications=tuple(notes))
