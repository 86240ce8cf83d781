"""The orchestrator: run scanners concurrently, then normalize what they found.

Order of the post-processing matters: secrets are redacted first (so nothing downstream, not even
a fingerprint, is computed from a secret), then duplicates across tools are merged, then in-source
suppressions are applied, then fingerprints are computed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from secsdlc import fingerprint, normalize
from secsdlc.config import DEFAULT_EXCLUDE, Config
from secsdlc.files import FileSet, collect
from secsdlc.model import (
    Finding,
    Notification,
    NotificationKind,
    Rule,
    RuleId,
    ScannerName,
    ScannerRun,
    ScanResult,
    ToolInfo,
)
from secsdlc.scanners.interface import Scanner, ScannerError, ScannerOutput, ScanRequest
from secsdlc.suppress import SuppressionSettings

# Extra time a scanner gets beyond its own timeout before the engine stops waiting for it.
_GRACE_S = 15.0

ProgressCallback = Callable[[str, str], None]  # (scanner name, "started" | "done" | "failed")


@dataclass(frozen=True, kw_only=True)
class ScanPlan:
    root: Path
    paths: tuple[Path, ...]
    config: Config
    scanners: Mapping[str, Scanner]
    # scanner name -> options given on the command line, over the configuration's
    option_overrides: Mapping[str, Mapping[str, object]] | None = None


@dataclass
class _Outcome:
    output: ScannerOutput | None = None
    error: str | None = None
    duration: float = 0.0
    version: str = ""


def scan(plan: ScanPlan, *, progress: ProgressCallback | None = None,
         fileset: FileSet | None = None) -> ScanResult:
    config = plan.config
    if fileset is None:
        fileset = collect(plan.root, plan.paths, include=config.include,
                          exclude=(*DEFAULT_EXCLUDE, *config.exclude),
                          max_file_size=config.max_file_size)
    outcomes = _run_all(plan, fileset, progress)
    redact: frozenset[str] = frozenset().union(
        *(o.output.redact for o in outcomes.values() if o.output is not None))
    sources = normalize.SourceCache(fileset.root)
    settings = SuppressionSettings.from_section(config.sections.get("suppressions", {}),
                                                config.source)

    per_scanner: dict[str, list[Finding]] = {}
    rules: dict[str, dict[RuleId, Rule]] = {}
    for name, outcome in outcomes.items():
        if outcome.output is None:
            continue
        per_scanner[name] = [normalize.clean(f, sources, redact)
                             for f in outcome.output.findings]
        rules[name] = {rid: normalize.clean_rule(rule, redact)
                       for rid, rule in outcome.output.rules.items()}
    merged = normalize.merge_duplicates(per_scanner)
    runs: list[ScannerRun] = []
    for name, outcome in outcomes.items():
        findings = merged.get(name, [])
        findings, extra_rules = normalize.apply_suppressions(findings, sources, settings,
                                                                redact)
        run_rules = dict(rules.get(name, {}))
        run_rules.update(extra_rules)
        findings = fingerprint.assign(findings)
        notes = list(outcome.output.notifications) if outcome.output else []
        notes = [normalize.clean_notification(n, redact) for n in notes]
        if outcome.error is not None:
            notes.append(Notification(kind=NotificationKind.SCANNER_FAILURE,
                                      scanner=ScannerName(name),
                                      message=normalize.redact(outcome.error, redact)))
        succeeded = outcome.error is None and not any(
            n.kind is NotificationKind.SCANNER_FAILURE for n in notes)
        used = {f.rule_id for f in findings}
        scanner = plan.scanners[name]
        runs.append(ScannerRun(
            tool=ToolInfo(name=ScannerName(name), version=outcome.version,
                          information_uri=scanner.information_uri),
            rules={rid: r for rid, r in sorted(run_rules.items()) if rid in used},
            findings=tuple(sorted(findings, key=_order)),
            notifications=tuple(notes),
            succeeded=succeeded,
            duration_s=round(outcome.duration, 3),
        ))
    return ScanResult(root=str(fileset.root), runs=tuple(runs),
                      notifications=fileset.notifications)


def _order(f: Finding) -> tuple[str, int, int, str]:
    return (f.location.path, f.location.start_line, f.location.start_column, f.rule_id)


def _run_all(plan: ScanPlan, fileset: FileSet,
             progress: ProgressCallback | None) -> dict[str, _Outcome]:
    outcomes: dict[str, _Outcome] = {name: _Outcome() for name in plan.scanners}
    threads: list[tuple[str, threading.Thread, float]] = []
    for name, scanner in plan.scanners.items():
        options = {**plan.config.scanner_options.get(name, {}),
                   **((plan.option_overrides or {}).get(name, {}))}
        timeout = options.get("timeout", plan.config.timeout)
        timeout_s = float(timeout) if isinstance(timeout, (int, float)) else plan.config.timeout
        files = tuple(f for f in fileset.files if scanner.applies_to(f))
        request = ScanRequest(root=fileset.root, files=files, options=options, timeout=timeout_s)
        # daemon threads: a plugin that hangs in-process must not keep secsdlc alive at exit
        thread = threading.Thread(target=_run_one, args=(scanner, request, outcomes[name],
                                                         progress, name),
                                  name=f"scanner-{name}", daemon=True)
        thread.start()
        threads.append((name, thread, timeout_s))
    for name, thread, timeout_s in threads:
        thread.join(timeout_s + _GRACE_S)
        if thread.is_alive():
            outcomes[name] = _Outcome(error=f"{name}: timed out after {timeout_s:g} s",
                                      duration=timeout_s, version=outcomes[name].version)
            if progress:
                progress(name, "failed")
    return outcomes


def _run_one(scanner: Scanner, request: ScanRequest, outcome: _Outcome,
             progress: ProgressCallback | None, name: str) -> None:
    if progress:
        progress(name, "started")
    started = time.monotonic()
    try:
        outcome.version = scanner.version()
        output = scanner.scan(request)
        if not isinstance(output, ScannerOutput):
            raise ScannerError(f"returned {type(output).__name__}, not ScannerOutput")
        outcome.output = output
    except ScannerError as e:
        outcome.error = f"{name}: {e}"
    except Exception as e:  # a plugin's bug must fail the scan closed, not crash it
        outcome.error = f"{name}: crashed: {type(e).__name__}: {e}"
    outcome.duration = time.monotonic() - started
    if progress:
        progress(name, "failed" if outcome.error else "done")
