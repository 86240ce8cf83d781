"""Build scan results and a repository with a verified correspondent registry."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from secsdlc.config import Config
from secsdlc.gate.pipeline import GateOptions, decide
from secsdlc.model import (
    Confidence,
    Finding,
    Fingerprint,
    Location,
    Rule,
    RuleId,
    ScannerName,
    ScannerRun,
    ScanResult,
    Severity,
    ToolInfo,
)
from secsdlc.signoff import allowed_signers, audit, coverage, registry, sshsig, waivers

from .conftest import Key, commit_all

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


def finding(fp: str, *, rule: str = "B602", path: str = "app/x.py",
            severity: Severity = Severity.HIGH, line: int = 3, snippet: str = "") -> Finding:
    return Finding(
        rule_id=RuleId(rule), scanners=(ScannerName("bandit"),), message="m", severity=severity,
        confidence=Confidence.HIGH, location=Location(path=path, start_line=line),
        fingerprint=Fingerprint(fp), snippet=snippet,
    )


def scanned(sarif: Path, *found: Finding) -> list[str]:
    """Write a SARIF of `found` with the fingerprints a scan gives them; those, in order."""
    from secsdlc import fingerprint
    from secsdlc.sarif.writer import dumps

    fixed = fingerprint.assign(found)
    place = {(f.location.path, f.location.start_line, f.rule_id): f.fingerprint for f in fixed}
    sarif.write_text(dumps(result(*fixed)), encoding="utf-8")
    return [place[(f.location.path, f.location.start_line, f.rule_id)] for f in found]


CODE = "subprocess.call(cmd, shell=True)"


def scanned_fp(*, rule: str = "B602", path: str = "app/x.py", code: str = CODE) -> str:
    """The fingerprint a scan gives the only finding of `rule` on `code` in `path`."""
    from secsdlc import fingerprint

    return fingerprint.compute(rule, path, fingerprint.normalised(code), 0)


def request_args(root: Path, *, rule: str = "B602", path: str = "app/x.py",
                 severity: Severity = Severity.HIGH, line: int = 3,
                 code: str = CODE) -> list[str]:
    """`waiver request` options for one finding of a scan, its SARIF written beside `root`."""
    sarif = root.parent / f"scan-{scanned_fp(rule=rule, path=path, code=code)}.sarif"
    [fp] = scanned(sarif, finding("", rule=rule, path=path, severity=severity, line=line,
                                  snippet=code))
    return ["--sarif", str(sarif), "--fingerprint", fp]


def result(*findings: Finding, scanners: tuple[str, ...] = ("bandit", "semgrep"),
           failed: tuple[str, ...] = ()) -> ScanResult:
    runs = []
    rules = {f.rule_id: Rule(id=f.rule_id, name=f.rule_id, short_description="d",
                             severity=f.severity) for f in findings}
    for i, name in enumerate(scanners):
        runs.append(ScannerRun(
            tool=ToolInfo(name=ScannerName(name), version="1", information_uri="https://x"),
            rules=rules if i == 0 else {}, findings=tuple(findings) if i == 0 else (),
            succeeded=name not in failed,
        ))
    return ScanResult(root=".", runs=tuple(runs))


def setup_registry(root: Path, admin: Key, *others: Key, project: str = "shop") -> None:
    text = "".join(allowed_signers.format_line(k.principal, sshsig.public_key_of(k.loaded))
                   for k in (admin, *others))
    registry.write_signed(root, text, admin.loaded, project=project)
    commit_all(root, "registry")


def covers(fp: str, *, rule: str = "B602", path: str = "app/x.py",
           severity: Severity = Severity.HIGH, line: int = 3) -> coverage.Covered:
    """A recorded finding for a fingerprint the gate matches; its code is not what gives it."""
    return coverage.Covered(fingerprint=fp, rule=rule, path=path, start_line=line,
                            end_line=line, severity=severity, message="m", snippet="x()",
                            region_sha256="", occurrence=0)


def request(root: Path, *fps: str, rule: str = "B602", path: str = "app/x.py",
            severity: Severity = Severity.HIGH, requester: str = "dev@example.com",
            days: float = 20, created: datetime = NOW - timedelta(days=1),
            reason: str = "false positive: input is a constant", project: str | None = None
            ) -> waivers.Waiver:
    """A waiver request, for the project the registry is signed for unless `project` says."""
    from secsdlc.signoff import context

    covered = [covers(fp, rule=rule, path=path, severity=severity) for fp in fps]
    w = waivers.new_waiver(project=context.signed_project(root) if project is None else project,
                           covered=covered, reason=reason, requester=requester,
                           created=created, expires=created + timedelta(days=days))
    waivers.save(root, w)
    audit.append(root, action="waiver-request", actor=requester, data={"waiver": w.id})
    return w


def approve(root: Path, w: waivers.Waiver, key: Key, principal: str | None = None
            ) -> waivers.Waiver:
    approved = waivers.approve(w, key.loaded, principal or key.principal)
    waivers.save(root, approved)
    audit.append(root, action="waiver-approve", actor=principal or key.principal,
                 data={"waiver": w.id}, key=key.loaded)
    return approved


def gate(root: Path, res: ScanResult, trust: tuple[str, ...], *, config: Config | None = None,
         fail_on: Severity = Severity.HIGH, now: datetime = NOW, **kw):
    return decide(res, config or Config(), root,
                  GateOptions(fail_on=fail_on, trust_root=trust, now=now, **kw))
