"""semgrep running the secsdlc OWASP Top 10 rule pack, offline.

semgrep's own fingerprint is the constant "requires login" without an account, so it is ignored;
the engine fingerprints every finding itself.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

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
from secsdlc.precision import PRECISIONS, cap
from secsdlc.rules_path import rules_dir
from secsdlc.scanners import tool
from secsdlc.scanners.interface import (
    OptionType,
    ScannerOutput,
    ScannerOutputError,
    ScanRequest,
)

NAME = ScannerName("semgrep")
# semgrep must never phone home: no metrics, no version check, no login.
OFFLINE_ENV = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
_SEVERITY = {
    "ERROR": Severity.HIGH,
    "WARNING": Severity.MEDIUM,
    "INFO": Severity.LOW,
    "CRITICAL": Severity.CRITICAL,
    "HIGH": Severity.HIGH,
    "MEDIUM": Severity.MEDIUM,
    "LOW": Severity.LOW,
}
_CWE = re.compile(r"CWE-(\d+)")
# semgrep ships two command-line front ends over the same engine: its native one (osemgrep,
# `--experimental`) starts far faster than the Python one (pysemgrep, the default), whose start-up
# is most of a one-file rescan (docs/rules.md has the figures). Both give the same results
# (tests/engine/test_semgrep_cli.py keeps checking it), so secsdlc uses the native one;
# `cli = "pysemgrep"` goes back to semgrep's default.
CLIS = frozenset({"osemgrep", "pysemgrep"})
# libyaml: the pure-Python loader reading the pack is a noticeable part of a one-file rescan.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A bundled rule's metadata key naming the scanners whose analysis covers what the rule finds
# (docs/analysis.md, "Working with the other scanners"): when one of them runs in the same scan,
# the rule is left to it, except on the files that scanner could not analyse (`scan_left`).
SUPERSEDED_BY = "superseded-by"


class SemgrepScanner:
    name = "semgrep"
    information_uri = "https://semgrep.dev/"
    options: Mapping[str, OptionType] = {
        "rules": list,  # extra rule files or directories, added to the bundled pack
        "bundled-pack": bool,  # false: only the extra rules
        "jobs": int,
        "timeout": (int, float),
        "executable": str,  # a specific semgrep binary instead of the one beside secsdlc
        "cli": CLIS,
        # rules of low measured precision whose findings keep their full severity
        "full-severity": list,
    }

    def version(self) -> str:
        return tool.version("semgrep", env=OFFLINE_ENV,
                            parse=lambda out: out.strip().splitlines()[-1])

    reads_python_scripts = True  # a file named on the command line is read whatever its name

    def applies_to(self, path: str) -> bool:
        return path.endswith((".py", ".pyw"))

    def cache_context(self, options: Mapping[str, object]) -> str:
        """Our pack's rules are intra-file, so results are cacheable per file and rule set."""
        digest = hashlib.sha256()
        digest.update(repr(sorted(str(r) for r in _as_list(options.get("full-severity"))))
                      .encode())
        for config in self.configs(options):
            files = sorted(config.rglob("*")) if config.is_dir() else [config]
            for file in files:
                if file.suffix in (".yaml", ".yml") and file.is_file():
                    digest.update(file.as_posix().encode() + b"\0" + file.read_bytes())
        return digest.hexdigest()

    def configs(self, options: Mapping[str, object]) -> list[Path]:
        extra = options.get("rules")
        configs = [] if options.get("bundled-pack") is False else [rules_dir()]
        if isinstance(extra, list):
            configs += [Path(str(p)) for p in extra]
        return configs

    def leaves_to(self, request: ScanRequest) -> frozenset[str]:
        """The companions of this scan that supersede some of the bundled rules, which `scan`
        then does not run."""
        return frozenset().union(*_left(request).values())

    def scan(self, request: ScanRequest) -> ScannerOutput:
        """The whole pack, less the bundled rules a companion of this scan supersedes."""
        configs = self.configs(request.options)
        return _run(request, configs, exclude=frozenset(_left(request)))

    def scan_left(self, request: ScanRequest) -> ScannerOutput:
        """Only the bundled rules `scan` left to a companion, on files that companion could not
        analyse."""
        left = _left(request)
        pack = _pack((str(rules_dir().resolve()),))
        files = sorted({pack[rule_id][0] for rule_id in left})
        beside = frozenset(rule_id for rule_id, (file, _) in pack.items()
                           if file in files and rule_id not in left)
        return _run(request, files, exclude=beside)


def _left(request: ScanRequest) -> dict[str, frozenset[str]]:
    """Bundled rules superseded by a companion of this scan: rule id -> those companions. A
    user's own rule files are never left to anyone."""
    if not request.companions or request.options.get("bundled-pack") is False:
        return {}
    pack = _pack((str(rules_dir().resolve()),))
    left = {rule_id: frozenset(str(n) for n in _as_list(
                definition.get("metadata", {}).get(SUPERSEDED_BY))) & request.companions
            for rule_id, (_, definition) in pack.items()}
    return {rule_id: by for rule_id, by in left.items() if by}


def _run(request: ScanRequest, configs: list[Path], *,
         exclude: frozenset[str]) -> ScannerOutput:
    if not request.files or not configs:
        return ScannerOutput(findings=(), rules={})
    exe = tool.executable("semgrep", request.options)
    # --disable-nosem: semgrep would drop `# nosemgrep` results itself; secsdlc applies them
    # (per configuration) so that a suppressed result stays visible in SARIF.
    cmd = [exe, "scan", "--metrics=off", "--disable-version-check", "--json", "--quiet",
           "--no-git-ignore", "--disable-nosem", "--timeout", "30"]
    if request.options.get("cli", "osemgrep") == "osemgrep":
        cmd.append("--experimental")
    jobs = request.options.get("jobs")
    cmd += ["--jobs", str(jobs if isinstance(jobs, int) and jobs > 0 else default_jobs(request))]
    for config in configs:
        cmd += ["--config", str(config)]
    bundled = _pack((str(rules_dir().resolve()),))
    for rule_id in sorted(exclude):
        for name in _names(rule_id, bundled[rule_id][0], request.root):
            cmd += ["--exclude-rule", name]
    cmd += ["--", *request.files]
    doc = tool.run_json("semgrep", cmd, cwd=request.root, timeout=request.timeout,
                        env=OFFLINE_ENV)
    rc = doc["_returncode"]
    errors = doc.get("errors", [])
    if rc not in (0, 1):
        # 2 and above: a fatal error, an invalid rule or configuration. Its results, if
        # any, are not the whole answer, so the run fails whatever the errors' levels say.
        detail = "; ".join(_error_text(e) for e in errors) or f"exit status {rc}"
        raise ScannerOutputError(f"exited {rc}: {detail}"[:1000])
    notes = _notifications(errors) + _not_scanned(request.files, doc.get("paths"))
    known = _pack_rules(tuple(str(c.resolve()) for c in configs))
    findings: list[Finding] = []
    rules: dict[RuleId, Rule] = {}
    full = frozenset(str(r) for r in _as_list(request.options.get("full-severity")))
    for item in doc["results"]:
        finding, rule = _convert(item, known, full)
        findings.append(finding)
        rules.setdefault(rule.id, rule)
    return ScannerOutput(findings=tuple(findings), rules=rules, notifications=tuple(notes))


def default_jobs(request: ScanRequest) -> int:
    """The cores the other scanners of this scan leave semgrep, at least one. semgrep's parallel
    jobs wait on one another whenever one of them has no core to run on: beside the taint
    analysis and bandit on two cores, two jobs cost three times the CPU of one for the same
    results (docs/rules.md, "Performance"). Alone, it gets every core, as semgrep would take."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) - len(request.companions))


def _names(rule_id: str, file: Path, root: Path) -> list[str]:
    """The names semgrep may give a rule, which it excludes only by that name: its id, prefixed
    with its file's directory as a dotted path, relative to the working directory when the file
    lies under it, else absolute (pysemgrep; osemgrep then keeps the bare id)."""
    names = [rule_id, ".".join((*file.parent.parts[1:], rule_id))]
    if file.parent.is_relative_to(root.resolve()):
        names.append(".".join((*file.parent.relative_to(root.resolve()).parts, rule_id)))
    return names


def _error_text(error: dict[str, Any]) -> str:
    """One line: semgrep's message, or its short and long messages, and the file they are about."""
    parts = [str(error.get(k)).strip() for k in ("message", "short_msg", "long_msg")
             if error.get(k)]
    text = " ".join(" ".join(parts).split()) or str(error.get("type") or "semgrep error")
    spans = error.get("spans")
    where = error.get("path") or (spans[0].get("file") if isinstance(spans, list) and spans
                                  and isinstance(spans[0], dict) else None)
    return f"{where}: {text}" if where and str(where) not in text else text


def _not_scanned(files: tuple[str, ...], paths: object) -> list[Notification]:
    """Files semgrep was given and left out of its scanned list: its own size limit
    (--max-target-bytes, 1,000,000 by default) or a file it could not read."""
    scanned = paths.get("scanned") if isinstance(paths, dict) else None
    if not isinstance(scanned, list):
        return [Notification(kind=NotificationKind.SCANNER_FAILURE, scanner=NAME,
                             message="semgrep: its report does not list the files it scanned")]
    done = {str(p).removeprefix("./") for p in scanned}
    return [Notification(kind=NotificationKind.NOT_SCANNED, scanner=NAME, path=f,
                         message=f"{f}: semgrep skipped this file (its own size limit or "
                                 f"exclusion), not scanned")
            for f in files if f not in done]


def _notifications(errors: list[dict[str, Any]]) -> list[Notification]:
    notes = []
    for error in errors:
        level = str(error.get("level", "error")).lower()
        path = error.get("path")
        message = str(error.get("message") or error.get("short_msg")
                      or error.get("type") or "semgrep error").strip()
        message = message.splitlines()[0] if message else "semgrep error"
        if path:
            # an error about one file means some rules did not run on it; a warning does not
            notes.append(Notification(
                kind=NotificationKind.SKIPPED_FILE if level == "warn"
                else NotificationKind.NOT_SCANNED, scanner=NAME, path=str(path),
                message=f"{path}: semgrep could not fully analyse this file: {message}"))
        elif level == "warn":
            notes.append(Notification(kind=NotificationKind.WARNING, scanner=NAME,
                                      message=message))
        else:
            notes.append(Notification(kind=NotificationKind.SCANNER_FAILURE, scanner=NAME,
                                      message=f"semgrep: {message}"))
    return notes


def _pack_rules(configs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Rule definitions by id, read from the YAML files, for SARIF rule descriptors."""
    return {rule_id: definition for rule_id, (_, definition) in _pack(configs).items()}


@functools.lru_cache(maxsize=8)
def _pack(configs: tuple[str, ...]) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Rule definitions by id, with the file defining each."""
    found: dict[str, tuple[Path, dict[str, Any]]] = {}
    for config in configs:
        path = Path(config)
        files = sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
        for file in files:
            if file.suffix not in (".yaml", ".yml"):
                continue
            try:
                doc = yaml.load(file.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
            except (OSError, yaml.YAMLError):
                continue  # semgrep itself reports an unreadable rule file
            for rule in (doc or {}).get("rules", []) if isinstance(doc, dict) else []:
                if isinstance(rule, dict) and "id" in rule:
                    found[str(rule["id"])] = (file, rule)
    return found


def _rule_id(check_id: str, known: Mapping[str, Any]) -> str:
    """semgrep prefixes ids of rules loaded from a directory with the directory's dotted path."""
    if check_id in known:
        return check_id
    for rule_id in known:
        if check_id.endswith("." + rule_id):
            return rule_id
    index = check_id.find("secsdlc.")
    return check_id[index:] if index > 0 else check_id


def _convert(item: dict[str, Any], known: Mapping[str, dict[str, Any]],
             full_severity: frozenset[str] = frozenset()) -> tuple[Finding, Rule]:
    rule_id = RuleId(_rule_id(str(item["check_id"]), known))
    extra = item.get("extra", {})
    definition = known.get(rule_id, {})
    metadata: dict[str, Any] = {**definition.get("metadata", {}), **extra.get("metadata", {})}
    cwe = tuple(sorted({int(m) for entry in _as_list(metadata.get("cwe"))
                        for m in _CWE.findall(str(entry))})) or (693,)
    y2025, y2021 = categories(cwe)
    declared = [str(o).split(" ")[0] for o in _as_list(metadata.get("owasp"))]
    y2025 = tuple(sorted({*y2025, *(o for o in declared if o.endswith(":2025"))}))
    y2021 = tuple(sorted({*y2021, *(o for o in declared if o.endswith(":2021"))}))
    severity = _severity(metadata, str(extra.get("severity", definition.get("severity", "INFO"))))
    precision = str(metadata.get("precision", "")).lower()
    message = str(extra.get("message") or definition.get("message") or rule_id).strip()
    references = [str(r) for r in _as_list(metadata.get("references"))]
    help_uri = references[0] if references else ""
    rule_message = str(definition.get("message", message)).strip()
    rule = Rule(
        id=rule_id,
        name=rule_id.rsplit(".", 1)[-1],
        short_description=_first_sentence(rule_message),
        full_description=rule_message,
        help_text=rule_message + ("\n\nReferences:\n" + "\n".join(references)
                                  if references else ""),
        help_uri=help_uri,
        severity=severity,
        cwe=cwe,
        owasp_2025=y2025,
        owasp_2021=y2021,
        precision=precision if precision in PRECISIONS else "",
    )
    start = item.get("start", {})
    end = item.get("end", {})
    finding = Finding(
        rule_id=rule_id,
        scanners=(NAME,),
        message=message,
        severity=severity,
        confidence=Confidence.parse(str(metadata.get("confidence", "medium"))),
        location=Location(
            path=str(item["path"]),
            start_line=int(start.get("line", 1)),
            start_column=int(start.get("col", 1)),
            end_line=int(end.get("line", start.get("line", 1))),
            end_column=int(end["col"]) if "col" in end else None,
        ),
        cwe=cwe,
        owasp_2025=y2025,
        owasp_2021=y2021,
        help_uri=help_uri,
        fix_hint=str(metadata.get("fix-hint", "")),
    )
    finding = cap(finding, precision, full_severity=full_severity,
                  option="scanners.semgrep.full-severity")
    return finding, replace(rule, severity=finding.severity)


def _severity(metadata: Mapping[str, Any], semgrep_severity: str) -> Severity:
    override = metadata.get("secsdlc-severity")
    if isinstance(override, str):
        try:
            return Severity.parse(override)
        except ValueError:
            pass
    return _SEVERITY.get(semgrep_severity.upper(), Severity.LOW)


def _first_sentence(text: str) -> str:
    first = text.strip().split("\n")[0]
    match = re.match(r"(.+?[.!?])(\s|$)", first)
    return (match.group(1) if match else first)[:200]


def _as_list(value: object) -> list[object]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]
