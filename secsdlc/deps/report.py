"""Audit results into the engine's findings, rules and notifications."""

from __future__ import annotations

from dataclasses import dataclass, field

from secsdlc.deps.audit import AuditResult, Hit, primary_id
from secsdlc.deps.interface import Advisory, Dependency
from secsdlc.deps.scoring import Score, score
from secsdlc.deps.store import DbInfo
from secsdlc.model import (
    Confidence,
    Finding,
    Location,
    Notification,
    NotificationKind,
    Rule,
    RuleId,
    ScannerName,
    Severity,
)
from secsdlc.owasp import categories
from secsdlc.scanners.interface import ScannerOutput

SCANNER = ScannerName("deps")
UNPINNED_RULE = RuleId("secsdlc.deps.unpinned-requirement")
VULN_CWE = 1395  # Dependency on Vulnerable Third-Party Component
UNPINNED_CWE = 1104  # Use of Unmaintained Third Party Components
ADVISORY_URI = "https://osv.dev/vulnerability/{}"
UNPINNED_URI = "https://pip.pypa.io/en/stable/topics/repeatable-installs/"
_SHORT = 160


def _short(text: str, limit: int = _SHORT) -> str:
    first = " ".join(text.strip().split())
    return first if len(first) <= limit else first[: limit - 3].rstrip() + "..."


@dataclass
class Report:
    unpinned_severity: Severity = Severity.LOW
    findings: list[Finding] = field(default_factory=list)
    rules: dict[RuleId, Rule] = field(default_factory=dict)
    notifications: list[Notification] = field(default_factory=list)

    def output(self) -> ScannerOutput:
        return ScannerOutput(findings=tuple(self.findings), rules=dict(self.rules),
                             notifications=tuple(self.notifications))

    # ------------------------------------------------------------ notifications

    # `path` is only ever a file under the scan root: the database lives elsewhere, so messages
    # about it name it in the text instead.
    def _note(self, kind: NotificationKind, message: str, path: str | None) -> None:
        self.notifications.append(Notification(kind=kind, message=message, scanner=SCANNER,
                                               path=path or None))

    def failure(self, message: str, *, path: str | None = None) -> None:
        self._note(NotificationKind.SCANNER_FAILURE, message, path)

    def warning(self, message: str, *, path: str | None = None) -> None:
        self._note(NotificationKind.WARNING, message, path)

    def database(self, info: DbInfo, *, stale_days: int) -> None:
        age = info.age_days()
        newest = info.newest_modified.date().isoformat() if info.newest_modified else "unknown"
        age_text = f"{age:.0f} days old" if age is not None else "age unknown"
        self._note(NotificationKind.INFO,
                   f"vulnerability database {info.path}: {info.records} records, newest record "
                   f"{newest} ({age_text}), imported {info.imported_at} from {info.source}",
                   None)
        if info.skipped:
            self.warning(f"vulnerability database {info.path} was imported with "
                         f"{info.skipped} unreadable record(s) left out")
        if age is None or age > stale_days:
            self.warning(f"vulnerability database is {age_text} (older than {stale_days} days): "
                         "recent advisories are missing; run `secsdlc db update` or "
                         "`secsdlc db import`")

    # ------------------------------------------------------------ findings

    def unpinned(self, dep: Dependency, exposure: tuple[str, ...] = ()) -> None:
        """`exposure`: advisories affecting versions the range allows (offline only)."""
        y2025, y2021 = categories((UNPINNED_CWE,))
        if dep.direct_reference:
            why = (f"{dep.name} installs from {dep.direct_reference}: no released version to "
                   "audit against advisories")
        else:
            spec = dep.specifier or "any version"
            why = (f"{dep.name} is not pinned to one version ({spec}): the version that gets "
                   "installed cannot be audited exactly")
            if exposure:
                shown = ", ".join(exposure[:5]) + (", ..." if len(exposure) > 5 else "")
                why += (f"; versions it allows are affected by {len(exposure)} known "
                        f"advisor{'y' if len(exposure) == 1 else 'ies'} ({shown})")
        self.rules.setdefault(UNPINNED_RULE, Rule(
            id=UNPINNED_RULE,
            name="UnpinnedRequirement",
            short_description="Requirement not pinned to an exact version",
            full_description=(
                "A requirement that allows a range of versions (or installs from a URL or path) "
                "cannot be audited against vulnerability advisories: the version installed "
                "depends on the day and the index. Pin it (==) or audit a lock file."
            ),
            help_uri=UNPINNED_URI,
            severity=self.unpinned_severity,
            cwe=(UNPINNED_CWE,),
            owasp_2025=y2025,
            owasp_2021=y2021,
        ))
        self.findings.append(Finding(
            rule_id=UNPINNED_RULE,
            scanners=(SCANNER,),
            message=why,
            severity=self.unpinned_severity,
            confidence=Confidence.HIGH,
            location=_location(dep),
            cwe=(UNPINNED_CWE,),
            snippet=dep.snippet,
            help_uri=UNPINNED_URI,
            fix_hint=f"pin {dep.name} to one version, e.g. with a lock file",
            properties={"package": dep.name, "specifier": dep.specifier,
                        "direct-reference": dep.direct_reference,
                        "advisories-in-range": ",".join(exposure)},
            owasp_2025=y2025,
            owasp_2021=y2021,
        ))

    def audited(self, result: AuditResult, *, source: str, seconds: float) -> None:
        self._note(NotificationKind.INFO,
                   f"audited {result.audited} pinned dependencies against {source} in "
                   f"{seconds:.2f} s; {len(result.unaudited)} could not be audited", None)
        by_file: dict[str, list[tuple[Dependency, str]]] = {}
        for dep, why in result.unaudited:
            by_file.setdefault(dep.path, []).append((dep, why))
        for path, items in by_file.items():
            # One notification per file, dependencies grouped by cause: a dead service must not
            # print 500 notifications, and yet every line that was not audited is named.
            by_reason: dict[str, list[Dependency]] = {}
            for dep, why in items:
                by_reason.setdefault(why, []).append(dep)
            parts = [
                ", ".join(f"{d.name}=={d.version} (line {d.line})" for d in deps) + f": {why}"
                for why, deps in by_reason.items()
            ]
            self.failure(f"{path}: not audited ({source}): " + "; ".join(parts), path=path)
        for hit in result.hits:
            self._hit(hit)

    def _hit(self, hit: Hit) -> None:
        dep = hit.dependency
        ids = {a.id for a in hit.advisories} | {x for a in hit.advisories for x in a.aliases}
        rule_id = RuleId(primary_id(ids))
        main = next((a for a in hit.advisories if str(a.id) == str(rule_id)),
                    max(hit.advisories, key=lambda a: len(a.details)))
        scores = [score(a.cvss, a.record_severity) for a in hit.advisories]
        best = max(scores, key=lambda s: (s.severity.rank, s.score or 0.0))
        cwes = (VULN_CWE, *sorted({c for a in hit.advisories for c in a.cwes} - {VULN_CWE}))
        aliases = ",".join(sorted(ids, key=_id_order))
        summary = _summary(hit.advisories)
        help_uri = ADVISORY_URI.format(rule_id)
        y2025, y2021 = categories(cwes)
        self.rules.setdefault(rule_id, Rule(
            id=rule_id,
            name=rule_id,
            short_description=_short(summary),
            full_description=main.details.strip() or summary,
            help_text=f"Aliases: {aliases}. References: " + " ".join(_references(
                hit.advisories)),
            help_uri=help_uri,
            severity=best.severity,
            cwe=cwes,
            owasp_2025=y2025,
            owasp_2021=y2021,
        ))
        fixed_in = hit.fixed_in or ""
        if hit.fix_hint:
            fix_hint = f"upgrade {dep.name} to {hit.fix_hint} or later"
        else:
            fix_hint = f"no release of {dep.name} fixes every known advisory yet"
        fixed_text = f"fixed in {fixed_in}" if fixed_in else "no fixed version known"
        properties = {
            "package": dep.name,
            "version": dep.version or "",
            "aliases": aliases,
            "fixed-in": fixed_in,
            "security-severity": _security_severity(best),
            "severity-source": best.source,
        }
        if best.vector:
            properties["cvss-vector"] = best.vector
        if dep.marker:
            properties["marker"] = dep.marker
        self.findings.append(Finding(
            rule_id=rule_id,
            scanners=(SCANNER,),
            message=f"{dep.name} {dep.version} is affected by {rule_id} ({aliases}): "
                    f"{_short(summary)} ({fixed_text})",
            severity=best.severity,
            confidence=Confidence.HIGH,
            location=_location(dep),
            cwe=cwes,
            snippet=dep.snippet,
            help_uri=help_uri,
            fix_hint=fix_hint,
            properties=properties,
            owasp_2025=y2025,
            owasp_2021=y2021,
        ))


def _location(dep: Dependency) -> Location:
    return Location(path=dep.path, start_line=max(dep.line, 1), start_column=max(dep.column, 1))


def _id_order(vid: str) -> tuple[int, str]:
    for i, prefix in enumerate(("PYSEC-", "GHSA-", "CVE-")):
        if vid.startswith(prefix):
            return (i, vid)
    return (3, vid)


def _summary(advisories: tuple[Advisory, ...]) -> str:
    for a in advisories:
        if a.summary.strip():
            return a.summary.strip()
    for a in advisories:
        if a.details.strip():
            return a.details.strip()
    return "known vulnerability"


def _references(advisories: tuple[Advisory, ...]) -> list[str]:
    seen: list[str] = []
    for a in advisories:
        for url in a.references:
            if url not in seen:
                seen.append(url)
    return seen[:5]


def _security_severity(s: Score) -> str:
    value = s.score if s.score is not None else s.severity.security_severity
    return f"{value:.1f}"
