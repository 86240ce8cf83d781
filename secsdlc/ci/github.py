"""`secsdlc ci github`: one scan (or a gate over a merged SARIF) and everything GitHub shows of it.

The decision is `secsdlc.decision`'s, the same call `secsdlc scan` and `secsdlc gate` make, so CI
decides exactly as a developer's machine does; this module turns the result and the verdict (its
blocking findings included) into the job summary, annotations, step outputs, the report files and
the SARIF file for code scanning. The exit code is the gate's.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from secsdlc import decision, vcs
from secsdlc.ci import commands, summary, upload
from secsdlc.ci.event import EventError, GitHubContext
from secsdlc.ci.outputs import append_outputs
from secsdlc.errors import EXIT_USAGE, SecsdlcError, UsageError
from secsdlc.gate.interface import Verdict
from secsdlc.model import Finding, ScanResult, Severity
from secsdlc.report import jsonout
from secsdlc.report.summary import by_severity
from secsdlc.sarif.writer import dumps

FULL_SARIF = "secsdlc.sarif"
UPLOAD_SARIF = "secsdlc-upload.sarif"
REPORT_JSON = "secsdlc.json"
MERGED_SARIF = "secsdlc-merged.sarif"
DIFF_AWARE = ("auto", "true", "false")


@dataclass(frozen=True, kw_only=True)
class Options:
    paths: tuple[Path, ...] = ()
    root: Path | None = None
    config: Path | None = None
    scanners: str | None = None
    fail_on: str | None = None
    trust_root: tuple[str, ...] = ()
    require_signoff: bool = False
    diff_aware: str = "auto"  # auto: on for pull-request events
    diff_base: str | None = None  # explicit base ref, over the event's
    # gate these SARIF files (a matrix's shards, merged first) instead of scanning
    from_sarif: tuple[Path, ...] = ()
    out_dir: Path = Path("secsdlc-results")
    category: str = "secsdlc"
    max_annotations: int = commands.MAX_PER_LEVEL
    now: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Outcome:
    exit_code: int
    verdict: Verdict
    result: ScanResult | None
    new: tuple[Finding, ...]
    blocking: tuple[Finding, ...]
    full_sarif: Path | None
    upload_sarif: Path | None
    outputs: Mapping[str, str]
    # for the CLI to show on stderr: configuration warnings, then errors
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


def run(options: Options, env: Mapping[str, str] | None = None,
        stdout: TextIO | None = None) -> Outcome:
    env = os.environ if env is None else env
    out = sys.stdout if stdout is None else stdout
    ctx = GitHubContext.from_env(env)
    if options.diff_aware not in DIFF_AWARE:
        raise UsageError(f"--diff-aware {options.diff_aware!r}: expected one of "
                         f"{', '.join(DIFF_AWARE)}")
    category = upload.check_category(options.category)
    if options.from_sarif and (options.paths or options.scanners):
        raise UsageError("--from-sarif gates existing results: PATH and --scanners do not apply")
    base, scope = _diff_base(options, ctx)
    out_dir = options.out_dir if options.out_dir.is_absolute() else Path.cwd() / options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    full, upload_path, report = out_dir / FULL_SARIF, out_dir / UPLOAD_SARIF, out_dir / REPORT_JSON
    for stale in (full, upload_path, report):  # never report on a previous run's files
        stale.unlink(missing_ok=True)

    if base and ctx.is_pull_request and base == ctx.base_sha:
        try:
            vcs.fetch_commit(ctx.workspace, base)
        except vcs.VcsError as e:
            raise EventError(f"cannot fetch the pull request's base commit {base[:12]} into "
                             f"the shallow checkout: {e} (use actions/checkout with "
                             f"fetch-depth: 0)") from e

    gated = _merge(options.from_sarif, out_dir / MERGED_SARIF)
    errors: list[str] = []
    warnings: tuple[str, ...] = ()
    result: ScanResult | None = None
    try:
        decided = _decide(options, base, gated)
    except SecsdlcError as e:
        # the scan stopped before a verdict: fail closed, and still say so in the summary
        errors.append(str(e))
        rc = e.exit_code
        verdict = Verdict(passed=False, gate="scan", error=True, reasons=(
            f"the scan stopped before a verdict (exit {rc}): {e}",))
    else:
        result, verdict, rc, warnings = (decided.result, decided.verdict, decided.exit_code,
                                         decided.warnings)
        _write(full, dumps(result, verdict))
        _write(report, jsonout.render(result, verdict))
    new: tuple[Finding, ...] = ()
    blocking = tuple(b.finding for b in verdict.blocking)
    expiring: list[summary.ExpiringWaiver] = []
    upload_note = ""
    uploaded: Path | None = None
    top = ctx.workspace
    if result is not None:
        top = _toplevel(Path(result.root), ctx.workspace)
        new = tuple(f for f in result.findings if not f.suppressed
                    and f.baseline_state not in ("unchanged", "absent"))
        expiring = _expiring(result, options.now or datetime.now(timezone.utc))
        try:
            filtered = upload.for_upload(json.loads(full.read_text(encoding="utf-8")),
                                         category=category, source=str(full))
        except upload.UploadError as e:
            # no upload file means no alerts: that must not pass quietly
            upload_note = f"**Code scanning upload not written**: {summary.cell(str(e))}"
            errors.append(str(e))
            rc = rc or EXIT_USAGE
        else:
            _write(upload_path, json.dumps(filtered.doc, indent=2, ensure_ascii=False) + "\n")
            uploaded = upload_path
            upload_note = _upload_note(filtered)

    root = Path(result.root) if result is not None else top

    def repo_path(f: Finding) -> str:
        return _repo_path(f.location.path, root, top)

    def link(f: Finding) -> str:
        return ctx.blob_url(repo_path(f), f.location.start_line) if root_in_repo else ""

    root_in_repo = _is_under(root, top)
    text = summary.render(summary.SummaryInput(
        result=result, verdict=verdict, scope=scope, new=new,
        blocking_fingerprints=frozenset(f.fingerprint for f in blocking), expiring=expiring,
        link=link, repo_path=repo_path, upload_note=upload_note,
        artifact_note=f"Full SARIF (with suppressed and waived results): `{full.name}` in the "
                      f"`secsdlc-sarif` artifact." if result is not None else ""))
    if ctx.step_summary is not None:
        _append(ctx.step_summary, text, what="GITHUB_STEP_SUMMARY")

    annotations = commands.annotate([(f, repo_path(f)) for f in blocking],
                                    limit=options.max_annotations)
    for line in annotations.lines:
        out.write(line + "\n")
    if not verdict.passed and not blocking:
        out.write(commands.command("error", "; ".join(verdict.reasons[:5])
                                   or "secsdlc gate failed", title="secsdlc gate") + "\n")
    out.flush()

    counts = by_severity(summary.open_findings(result)) if result is not None else {
        s.value: 0 for s in Severity}
    gate = "passed" if verdict.passed else ("error" if verdict.error else "failed")
    values = {
        "sarif": str(full) if result is not None else "",
        "upload-sarif": str(uploaded) if uploaded is not None else "",
        **{s.value: str(counts[s.value]) for s in Severity},
        "new-findings": str(len(new)),
        "blocking-findings": str(len(blocking)),
        "gate": gate,
        "exit-code": str(rc),
    }
    if ctx.output is not None:
        append_outputs(ctx.output, values)
    return Outcome(exit_code=rc, verdict=verdict, result=result, new=new, blocking=blocking,
                   full_sarif=full if result is not None else None, upload_sarif=uploaded,
                   outputs=values, warnings=warnings, errors=tuple(errors))


def _diff_base(options: Options, ctx: GitHubContext) -> tuple[str | None, str]:
    if options.from_sarif:
        if options.diff_base:
            raise UsageError("--diff-base does not apply to --from-sarif (scan the shards with "
                             "it instead)")
        names = ", ".join(f"`{summary.cell(p.name)}`" for p in options.from_sarif)
        return None, f"Gate over {names} ({summary.cell(ctx.event_name)})."
    if options.diff_base:
        return options.diff_base, (f"Diff-aware scan against `{summary.cell(options.diff_base)}`"
                                   f": only findings introduced since its merge base block.")
    wanted = options.diff_aware == "true" or (options.diff_aware == "auto"
                                               and ctx.is_pull_request)
    if not wanted:
        at = f" at `{ctx.sha[:12]}`" if ctx.sha else ""
        return None, f"Full scan ({summary.cell(ctx.event_name)}){at}: every open finding counts."
    if not ctx.base_sha:
        raise EventError(f"diff-aware scan requested on a {ctx.event_name} event, which names "
                         f"no base commit: pass --diff-base REF or --diff-aware false")
    what = f"Pull request #{ctx.pr_number}" if ctx.pr_number is not None else "Merge group"
    return ctx.base_sha, (f"{what}: diff-aware scan against `{summary.cell(ctx.base_ref)}` "
                          f"(`{ctx.base_sha[:12]}`): only findings introduced by this change "
                          f"block.")


def _merge(inputs: tuple[Path, ...], merged: Path) -> Path | None:
    """One SARIF to gate: the only input, or the shards merged (one run per scanner)."""
    if len(inputs) <= 1:
        return inputs[0] if inputs else None
    from secsdlc.sarif.merge import merge
    from secsdlc.sarif.reader import SarifError, read_sarif

    try:
        results = [read_sarif(p) for p in inputs]
    except SarifError as e:
        raise UsageError(str(e)) from e
    _write(merged, dumps(merge(results)))
    return merged


def _decide(options: Options, base: str | None, gated: Path | None) -> decision.Decision:
    if gated is not None:
        return decision.gate(decision.GateRequest(
            sarif=gated, root=options.root, config=options.config, fail_on=options.fail_on,
            trust_root=options.trust_root, require_signoff=options.require_signoff))
    return decision.scan(decision.ScanRequest(
        paths=options.paths, root=options.root, config=options.config,
        scanners=options.scanners, fail_on=options.fail_on, diff_base=base,
        trust_root=options.trust_root, require_signoff=options.require_signoff))


def _expiring(result: ScanResult, now: datetime) -> list[summary.ExpiringWaiver]:
    from secsdlc.signoff.facade import parse_timestamp

    out = []
    for f in result.findings:
        for s in f.suppressions:
            if s.kind != "external" or "expires" not in s.properties:
                continue
            try:
                expires = parse_timestamp(s.properties["expires"])
            except ValueError:
                continue  # the gate already refused a waiver it could not read
            if now <= expires <= now + summary.EXPIRY_WINDOW:
                out.append(summary.ExpiringWaiver(
                    waiver_id=s.properties.get("waiver-id", "?"), finding=f, expires=expires,
                    approver=s.properties.get("approver", "")))
    return out


def _upload_note(filtered: upload.Filtered) -> str:
    parts = [f"Code scanning upload: {filtered.kept} result(s)"]
    left = []
    if filtered.suppressed:
        left.append(f"{filtered.suppressed} suppressed or waived")
    if filtered.absent:
        left.append(f"{filtered.absent} fixed (only at the base)")
    if filtered.over_limit:
        left.append(f"{filtered.over_limit} over GitHub's {upload.MAX_RESULTS_PER_RUN} "
                    f"results per run")
    if left:
        parts.append("; left out: " + ", ".join(left) + " (all in the full SARIF)")
    return "".join(parts) + "."


def _toplevel(root: Path, workspace: Path) -> Path:
    return vcs.top(root) or workspace


def _is_under(path: Path, top: Path) -> bool:
    try:
        path.resolve().relative_to(top.resolve())
    except ValueError:
        return False
    return True


def _repo_path(path: str, root: Path, top: Path) -> str:
    try:
        prefix = root.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return path
    return path if prefix in ("", ".") else f"{prefix}/{path}"


def _write(path: Path, text: str) -> None:
    from secsdlc.cli.common import write_file

    write_file(path, text)


def _append(path: Path, text: str, *, what: str) -> None:
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as e:
        raise UsageError(f"{path}: cannot write {what}: {e}") from e


def exit_code(outcome: Outcome) -> int:
    return outcome.exit_code if outcome.exit_code in (0, 1, 2, 3) else EXIT_USAGE
