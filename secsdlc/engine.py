"""The orchestrator: run scanners concurrently, then normalize what they found.

Order of the post-processing matters: secrets are redacted first (so nothing downstream, not even
a fingerprint or a cache entry, is derived from a secret), then duplicates across tools are
merged, then in-source suppressions are applied, then fingerprints are computed.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from secsdlc import __version__, derogations, fingerprint, normalize, vcs
from secsdlc.cache import Entry, ResultCache, split_by_file
from secsdlc.config import DEFAULT_EXCLUDE, Config
from secsdlc.files import FileSet, collect, kept_despite
from secsdlc.mode import Mode
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
from secsdlc.scanners import tool
from secsdlc.scanners.interface import Scanner, ScannerError, ScannerOutput, ScanRequest
from secsdlc.suppress import SuppressionSettings
from secsdlc.turns import Turns

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
    option_overrides: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    shard: tuple[int, int] | None = None  # (index, count), 1-based
    cache: ResultCache | None = None
    mode: Mode = Mode.ADVISORY
    report_only: frozenset[str] | None = None  # see ScanRequest.report_only
    # False: the tree holds only files already chosen (a diff-aware scan's copies), none excluded
    builtin_exclude: bool = True


@dataclass
class _Outcome:
    output: ScannerOutput | None = None
    # a run is failed until its thread says it finished: a thread that dies in any way, or never
    # returns, leaves this message
    error: str | None = "did not finish"
    duration: float = 0.0
    version: str = ""
    cached: list[Entry] = field(default_factory=list)
    scanned: tuple[str, ...] = ()
    cache_context: str | None = None
    started_at: str | None = None
    ended_at: str | None = None
    request: ScanRequest | None = None
    leaves_to: frozenset[str] = frozenset()  # companions the scanner left checks to


def collect_files(plan: ScanPlan) -> FileSet:
    config = plan.config
    scanners = list(plan.scanners.values())
    builtin = DEFAULT_EXCLUDE if plan.builtin_exclude else ()
    tracked = vcs.tracked(plan.root) if plan.mode.enforce and builtin else vcs.Tracked()
    fileset = collect(plan.root, plan.paths, include=config.include,
                      exclude=(*builtin, *config.exclude),
                      max_file_size=config.max_file_size,
                      wanted_by=lambda path: frozenset(
                          s.name for s in scanners if s.applies_to(path)),
                      keep=kept_despite(tracked.files, builtin, config.exclude),
                      submodules=tracked.submodules)
    return fileset.shard(*plan.shard) if plan.shard else fileset


def scan(plan: ScanPlan, *, progress: ProgressCallback | None = None,
         fileset: FileSet | None = None) -> ScanResult:
    config = plan.config
    if fileset is None:
        fileset = collect_files(plan)
    outcomes = _run_all(plan, fileset, progress)
    redact: frozenset[str] = frozenset().union(
        *(o.output.redact for o in outcomes.values() if o.output is not None))
    sources = normalize.SourceCache(fileset.root)
    settings = SuppressionSettings.from_section(config.sections.get("suppressions", {}),
                                                config.source)

    per_scanner: dict[str, list[Finding]] = {}
    rules: dict[str, dict[RuleId, Rule]] = {}
    notes: dict[str, list[Notification]] = {}
    for name, outcome in outcomes.items():
        fresh = outcome.output or ScannerOutput(findings=(), rules={})
        findings = [normalize.clean(f, sources, redact) for f in fresh.findings]
        run_rules = {rid: normalize.clean_rule(rule, redact)
                     for rid, rule in fresh.rules.items()}
        run_notes = [normalize.clean_notification(n, redact) for n in fresh.notifications]
        if plan.cache is not None and outcome.cache_context is not None \
                and outcome.error is None and outcome.output is not None:
            _store(plan.cache, outcome, name, fileset, findings, run_notes, run_rules)
        for entry in outcome.cached:
            findings += entry.findings
            run_notes += entry.notifications
            run_rules.update(entry.rules)
        per_scanner[name] = findings
        rules[name] = run_rules
        notes[name] = run_notes
    for name, left in _left_undone(plan, outcomes, notes).items():
        per_scanner[name] += [normalize.clean(f, sources, redact) for f in left.findings]
        rules[name].update({rid: normalize.clean_rule(rule, redact)
                            for rid, rule in left.rules.items()})
        notes[name] += [normalize.clean_notification(n, redact) for n in left.notifications]

    calls = [c for o in outcomes.values() if o.output is not None
             for c in o.output.analysed_calls]
    merged = normalize.merge_duplicates(normalize.adjudicate(per_scanner, calls,
                                                             never_lowered(plan)))
    runs: list[ScannerRun] = []
    for name, outcome in outcomes.items():
        findings, extra_rules = normalize.apply_suppressions(merged.get(name, []), sources,
                                                             settings, redact)
        run_rules = {**rules[name], **extra_rules}
        findings = fingerprint.assign(findings)
        if plan.mode.enforce:
            findings, unapproved_rules = derogations.approve(findings, settings)
            run_rules.update(unapproved_rules)
        run_notes = notes[name]
        if outcome.error is not None:
            run_notes.append(Notification(kind=NotificationKind.SCANNER_FAILURE,
                                          scanner=ScannerName(name),
                                          message=normalize.redact(outcome.error, redact)))
        succeeded = outcome.error is None and not any(
            n.kind is NotificationKind.SCANNER_FAILURE for n in run_notes)
        used = {f.rule_id for f in findings}
        runs.append(ScannerRun(
            tool=ToolInfo(name=ScannerName(name), version=outcome.version,
                          information_uri=plan.scanners[name].information_uri),
            rules={rid: r for rid, r in sorted(run_rules.items()) if rid in used},
            findings=tuple(sorted(findings, key=_order)),
            notifications=for_mode(run_notes, plan.mode),
            succeeded=succeeded,
            duration_s=round(outcome.duration, 3),
            start_time_utc=outcome.started_at,
            end_time_utc=outcome.ended_at or outcome.started_at,
        ))
    return ScanResult(root=str(fileset.root), runs=tuple(runs),
                      notifications=for_mode(fileset.notifications, plan.mode),
                      scanned=fileset.files, mode=plan.mode.value)


def never_lowered(plan: ScanPlan) -> frozenset[str]:
    """Scanners whose results the data-flow analysis's proofs never lower."""
    return frozenset(name for name in plan.scanners
                     if plan.config.scanner_options.get(name, {}).get("all-checks") is True
                     or plan.option_overrides.get(name, {}).get("all-checks") is True) | {"taint"}


def for_mode(notes: Sequence[Notification], mode: Mode) -> tuple[Notification, ...]:
    """A file that was not scanned fails an enforced scan; an advisory one shows it as a warning."""
    if mode.enforce:
        return tuple(notes)
    return tuple(
        replace(n, kind=NotificationKind.SKIPPED_FILE,
                message=n.message + " (fails the gate in enforce mode)")
        if n.kind is NotificationKind.NOT_SCANNED else n
        for n in notes)


def _store(cache: ResultCache, outcome: _Outcome, name: str, fileset: FileSet,
           findings: list[Finding], notes: list[Notification],
           rules: Mapping[RuleId, Rule]) -> None:
    entries = split_by_file(outcome.scanned, findings, notes, rules)
    for path, entry in entries.items():
        digest = fileset.digests.get(path)
        if digest and outcome.cache_context is not None:
            cache.put(cache.key(path=path, content_digest=digest, scanner=name,
                                context=outcome.cache_context), entry)


def _order(f: Finding) -> tuple[str, int, int, str]:
    return (f.location.path, f.location.start_line, f.location.start_column, f.rule_id)


def _module_digest(scanner: Scanner) -> str:
    """Results depend on our own conversion code too: a changed scanner module is a new cache."""
    digest = hashlib.sha256()
    for obj in (type(scanner), normalize):
        try:
            digest.update(Path(inspect.getfile(obj)).read_bytes())
        except (OSError, TypeError):
            digest.update(repr(obj).encode())
    return digest.hexdigest()


def _cache_context(scanner: Scanner, version: str, options: Mapping[str, object],
                   leaves_to: frozenset[str] = frozenset()) -> str | None:
    method = getattr(scanner, "cache_context", None)
    if method is None:
        return None  # a scanner that does not say it can be cached is always run
    extra = method(options)
    if extra is None:
        return None
    # the program run is chosen by the environment: another program is another cache
    program = tool.configured(scanner.name)
    parts = [__version__, version, json.dumps(dict(options), sort_keys=True, default=str),
             _module_digest(scanner), str(extra), program]
    if leaves_to:
        parts.append(json.dumps(sorted(leaves_to)))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _run_all(plan: ScanPlan, fileset: FileSet,
             progress: ProgressCallback | None) -> dict[str, _Outcome]:
    outcomes: dict[str, _Outcome] = {name: _Outcome() for name in plan.scanners}
    threads: list[tuple[str, threading.Thread, float]] = []
    turns = Turns(list(plan.scanners))
    for name, scanner in plan.scanners.items():
        options = {**plan.config.scanner_options.get(name, {}),
                   **plan.option_overrides.get(name, {})}
        timeout = options.get("timeout", plan.config.timeout)
        timeout_s = float(timeout) if isinstance(timeout, (int, float)) else plan.config.timeout
        files = fileset.for_scanner(scanner)
        request = ScanRequest(root=fileset.root, files=files, options=options, timeout=timeout_s,
                              cache=plan.cache, report_only=plan.report_only,
                              companions=frozenset(plan.scanners) - {name})
        outcomes[name].request = request
        # daemon threads: a plugin that hangs in-process must not keep secsdlc alive at exit
        thread = threading.Thread(
            target=_run_one, args=(scanner, request, outcomes[name], progress, name,
                                   plan.cache, fileset.digests, turns),
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
             progress: ProgressCallback | None, name: str, cache: ResultCache | None,
             digests: Mapping[str, str], turns: Turns) -> None:
    started = time.monotonic()
    outcome.started_at = _utc_now()
    error: str | None = None
    try:
        if progress:
            progress(name, "started")
        outcome.version = scanner.version()
        leaves_to = getattr(scanner, "leaves_to", None)
        if callable(leaves_to):
            outcome.leaves_to = frozenset(leaves_to(request))
        if cache is not None:
            outcome.cache_context = _cache_context(scanner, outcome.version, request.options,
                                                   outcome.leaves_to)
        misses = list(request.files)
        if cache is not None and outcome.cache_context is not None:
            misses = []
            with turns.turn(name):
                for path in request.files:
                    digest = digests.get(path)
                    entry = cache.get(cache.key(path=path, content_digest=digest,
                                                scanner=name, context=outcome.cache_context),
                                      path) if digest else None
                    if entry is None:
                        misses.append(path)
                    else:
                        outcome.cached.append(entry)
        turns.pass_turn(name)
        outcome.scanned = tuple(misses)
        if misses or not request.files:
            output = scanner.scan(ScanRequest(root=request.root, files=tuple(misses),
                                              options=request.options, timeout=request.timeout,
                                              cache=request.cache,
                                              report_only=request.report_only,
                                              companions=request.companions))
            if not isinstance(output, ScannerOutput):
                raise ScannerError(f"returned {type(output).__name__}, not ScannerOutput")
        else:
            output = ScannerOutput(findings=(), rules={})
        outcome.output = output
    except ScannerError as e:
        error = f"{name}: {e}"
    # Anything a plugin or a callback raises, SystemExit and KeyboardInterrupt included, fails
    # this run closed; the thread is not the place to stop the process.
    except BaseException as e:
        error = f"{name}: crashed: {type(e).__name__}: {e}"
    finally:
        turns.pass_turn(name)  # idempotent; here for the scanner that failed before its turn
    outcome.duration = time.monotonic() - started
    outcome.ended_at = _utc_now()
    outcome.error = error
    if progress:
        try:
            progress(name, "failed" if error else "done")
        except BaseException as e:
            outcome.error = error or f"{name}: progress display failed: {type(e).__name__}: {e}"


def _left_undone(plan: ScanPlan, outcomes: Mapping[str, _Outcome],
                 notes: Mapping[str, Sequence[Notification]]) -> dict[str, ScannerOutput]:
    """What each scanner left to a companion, run by itself on the files that companion did
    not analyse: a file or function it named in a notification, every file if it failed."""
    done: dict[str, ScannerOutput] = {}
    for name, outcome in outcomes.items():
        request = outcome.request
        if not outcome.leaves_to or request is None or outcome.error is not None:
            continue
        missed: set[str] = set()
        for companion in outcome.leaves_to:
            if outcomes[companion].error is not None:
                missed.update(request.files)
            missed.update(n.path for n in notes[companion]
                          if n.path and n.kind is not NotificationKind.INFO)
        files = tuple(f for f in request.files if f in missed)
        if not files:
            continue
        started = time.monotonic()
        scan_left = getattr(plan.scanners[name], "scan_left", None)
        try:
            if not callable(scan_left):
                raise ScannerError("leaves checks to another scanner but has no scan_left")
            output = scan_left(replace(request, files=files))
            if not isinstance(output, ScannerOutput):
                raise ScannerError(f"returned {type(output).__name__}, not ScannerOutput")
            done[name] = output
        # as in _run_one: whatever goes wrong fails this scanner's run closed
        except ScannerError as e:
            outcome.error = f"{name}: {e}"
        except Exception as e:
            outcome.error = f"{name}: crashed: {type(e).__name__}: {e}"
        outcome.duration += time.monotonic() - started
    return done


def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
