"""Shared helpers of the history tests: the CLI runner and SARIF builders."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from secsdlc.history import runs, schema
from secsdlc.history.database import current_revision
from secsdlc.history.store import HistoryStore

from . import _cli


def cli(argv: Sequence[str]) -> int:
    return _cli.main(list(argv))


# --- SARIF builders -------------------------------------------------------------------------


def our_result(
    fingerprint: str,
    *,
    rule: str = "python.sqli",
    severity: str = "high",
    path: str = "app/db.py",
    line: int = 10,
    cwe: Sequence[int] = (89,),
    owasp: Sequence[str] = ("A05:2025", "A03:2021"),
    suppressions: list[dict[str, Any]] | None = None,
    baseline: str | None = None,
    snippet: str = "cursor.execute(q)",
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": rule,
        "level": "error" if severity in ("critical", "high") else "warning",
        "message": {"text": f"{rule} at {path}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": line, "snippet": {"text": snippet}},
                }
            }
        ],
        "partialFingerprints": {"secsdlc/v1": fingerprint},
        "properties": {
            "severity": severity,
            "cwe": list(cwe),
            "owasp": list(owasp),
            "scanners": ["semgrep"],
        },
    }
    if suppressions is not None:
        result["suppressions"] = suppressions
    if baseline is not None:
        result["baselineState"] = baseline
    return result


def our_sarif(
    results: list[dict[str, Any]],
    *,
    start: str = "2026-01-01T10:00:00Z",
    tool: str = "semgrep",
    successful: bool = True,
) -> dict[str, Any]:
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": tool,
                        "rules": [
                            {"id": r["ruleId"], "properties": {"security-severity": "8.0"}}
                            for r in results
                        ],
                    }
                },
                "automationDetails": {"id": f"secsdlc/{tool}/"},
                "invocations": [
                    {
                        "executionSuccessful": successful,
                        "startTimeUtc": start,
                        "endTimeUtc": start,
                    }
                ],
                "results": results,
            }
        ],
    }


def write(path: Path, doc: dict[str, Any] | str) -> Path:
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


# --- reading the store as tests check it ------------------------------------------------------


def table_counts(store: HistoryStore) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in schema.metadata.sorted_tables
        }


def revision(store: HistoryStore) -> str | None:
    with store.engine.connect() as conn:
        return current_revision(conn)


def rebuild_runs(store: HistoryStore) -> None:
    """Recompute every run from the occurrences: what recording keeps up incrementally."""
    with store.engine.begin() as conn:
        conn.execute(schema.runs.delete())
        conn.execute(text(runs.REBUILD_ALL))
