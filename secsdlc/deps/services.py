"""Online audit through pip-audit's vulnerability services (OSV, PyPI).

pip-audit skips a dependency it could not query and still reports "no known vulnerabilities"; here
every query that does not come back with an answer (unreachable service, HTTP error, a dependency
the service skipped) is returned as unaudited, which fails the scan. After the first connection
failure the remaining queries are not attempted: they would each wait for the same timeout.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.version import Version

from secsdlc.deps.audit import AuditResult, Hit, group_by_alias
from secsdlc.deps.interface import Advisory, Dependency, ServiceUnavailable, VulnId
from secsdlc.deps.store import Store

SOURCES = ("osv", "pypi")
_WORKERS = 8


def _service(source: str, *, cache_dir: Path | None, timeout: int, osv_url: str | None) -> object:
    try:
        from pip_audit._service import (  # type: ignore[import-untyped]
            OsvService,
            PyPIService,
        )
    except ImportError as e:
        raise ServiceUnavailable(f"pip-audit is not installed: {e}") from e

    if source == "osv":
        if osv_url:
            return OsvService(cache_dir=cache_dir, timeout=timeout, osv_url=osv_url)
        return OsvService(cache_dir=cache_dir, timeout=timeout)
    if source == "pypi":
        return PyPIService(cache_dir=cache_dir, timeout=timeout)
    raise ValueError(f"unknown vulnerability service {source!r} (expected one of: "
                     f"{', '.join(SOURCES)})")


def audit_online(
    source: str,
    dependencies: Iterable[Dependency],
    *,
    cache_dir: Path | None = None,
    timeout: int = 15,
    osv_url: str | None = None,
    enrich: Store | None = None,
) -> AuditResult:
    """Query `source` for every pinned dependency; `enrich` supplies CVSS data by alias."""
    from pip_audit._service.interface import (  # type: ignore[import-untyped]
        ResolvedDependency,
        VulnerabilityResult,
    )

    service = _service(source, cache_dir=cache_dir, timeout=timeout, osv_url=osv_url)
    pinned = [d for d in dependencies if d.version is not None]
    keys = sorted({(d.name, d.version or "") for d in pinned})
    answers: dict[tuple[str, str], list[VulnerabilityResult] | str] = {}
    first_error: list[str] = []
    lock = threading.Lock()

    def ask(key: tuple[str, str]) -> None:
        if first_error:
            answers[key] = first_error[0]  # the same cause: say it the same way
            return
        spec = ResolvedDependency(name=key[0], version=Version(key[1]))
        try:
            returned, vulns = service.query(spec)  # type: ignore[attr-defined]
        except Exception as e:  # requests errors escape pip-audit's ServiceError too
            with lock:
                if not first_error:
                    first_error.append(f"{source} service failed: {type(e).__name__}: "
                                       f"{_redact_url(str(e))}".rstrip(": "))
            answers[key] = first_error[0]
            return
        if returned.is_skipped():
            answers[key] = f"{source} service skipped it: {returned.skip_reason}"
            return
        answers[key] = list(vulns)

    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        list(pool.map(ask, keys))

    result = AuditResult()
    for dep in pinned:
        answer = answers[(dep.name, dep.version or "")]
        if isinstance(answer, str):
            result.unaudited.append((dep, answer))
            continue
        result.audited += 1
        current = Version(dep.version or "0")
        advisories: list[Advisory] = []
        fixes: dict[str, list[Version]] = {}
        for vuln in answer:
            advisories.append(_advisory(vuln.id, vuln.aliases, vuln.description, enrich))
            fixes[vuln.id] = sorted(v for v in vuln.fix_versions if v > current)
        # Each group's first fix; the hint is the highest of those (fixes are cumulative).
        group_fixes: list[tuple[list[Advisory], str | None]] = []
        for group in group_by_alias(advisories):
            firsts = [fixes[a.id][0] for a in group if fixes.get(a.id)]
            group_fixes.append((group, str(max(firsts)) if firsts else None))
        known = [Version(f) for _, f in group_fixes if f is not None]
        hint = str(max(known)) if known and len(known) == len(group_fixes) else None
        for group, fixed_in in group_fixes:
            result.hits.append(Hit(dependency=dep, advisories=tuple(group), fixed_in=fixed_in,
                                   fix_hint=hint))
    return result


def _redact_url(message: str) -> str:
    """Keep an error message short: the per-package URL differs for each query."""
    return re.sub(r"url: \S+", "url: <query>", message)


def _advisory(vid: str, aliases: set[str], description: str, enrich: Store | None) -> Advisory:
    local = enrich.by_alias({vid, *aliases}) if enrich is not None else None
    if local is not None:
        return Advisory(
            id=VulnId(vid), aliases=tuple(sorted(set(aliases) | {local.id, *local.aliases}
                                                 - {vid})),
            summary=local.summary or description, details=local.details or description,
            published=local.published, modified=local.modified, cvss=local.cvss,
            record_severity=local.record_severity, cwes=local.cwes,
            references=local.references,
        )
    return Advisory(id=VulnId(vid), aliases=tuple(sorted(aliases)), summary=description,
                    details=description)
