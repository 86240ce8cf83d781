"""bandit, the Python AST security linter, run as a subprocess with JSON output."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from secsdlc import precision
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
from secsdlc.scanners import bandit_context, tool
from secsdlc.scanners.interface import (
    OptionType,
    ScannerOutput,
    ScanRequest,
)

NAME = ScannerName("bandit")
_SEVERITY = {"HIGH": Severity.HIGH, "MEDIUM": Severity.MEDIUM, "LOW": Severity.LOW}
# Where bandit's CWE is a broad parent (or plainly off), the precise one: it drives the OWASP
# category and lets the same problem found by semgrep merge with it.
_CWE_CORRECTIONS: Mapping[str, tuple[int, ...]] = {
    "B102": (95,),  # exec_used: code injection, bandit says OS command
    "B201": (489,),  # flask_debug_true: active debug code
    "B301": (502,),
    "B302": (502,),
    "B307": (95,),  # eval: code injection
    "B311": (338,),  # random: weak PRNG
    "B506": (502,),  # yaml_load: deserialization, bandit says input validation
    "B614": (502,),
}
# bandit's documented exit statuses: 0 no issue, 1 issues found; anything else (2, a usage error;
# a signal) means its report is not the whole answer, even when it printed valid JSON
_EXIT_CODES = frozenset({0, 1})
# bandit runs one file after another; beyond this many files two processes use both cores.
_SPLIT_THRESHOLD = 400


class BanditScanner:
    name = "bandit"
    information_uri = "https://bandit.readthedocs.io/"
    options: Mapping[str, OptionType] = {
        "skip": list,  # bandit test ids never to report, e.g. ["B101"]
        # true: bandit's own severity everywhere, even on calls the taint analysis proved safe
        "all-checks": bool,
        "jobs": int,
        "timeout": (int, float),
        "executable": str,  # a specific bandit binary instead of the one beside secsdlc
        # checks of low measured precision whose findings keep their full severity
        "full-severity": list,
    }

    def version(self) -> str:
        return tool.version("bandit", parse=lambda out: [*out.split(), "", ""][1] or out)

    reads_python_scripts = True  # a file named on the command line is read whatever its name

    def applies_to(self, path: str) -> bool:
        return path.endswith((".py", ".pyw"))

    def cache_context(self, options: Mapping[str, object]) -> str:
        """bandit judges each file alone: results are cacheable per file content."""
        return "bandit-json-1:" + bandit_context.cache_key() + ":" + precision.digest()

    def scan(self, request: ScanRequest) -> ScannerOutput:
        if not request.files:
            return ScannerOutput(findings=(), rules={})
        exe = tool.executable("bandit", request.options)
        jobs = _as_int(request.options.get("jobs"), 2 if len(request.files) > _SPLIT_THRESHOLD
                       else 1)
        chunks = [request.files[i::jobs] for i in range(max(jobs, 1))]
        docs = _run_chunks(exe, chunks, request)
        skip = {str(s) for s in _as_list(request.options.get("skip"))}
        full = frozenset(str(r) for r in _as_list(request.options.get("full-severity")))
        findings: list[Finding] = []
        rules: dict[RuleId, Rule] = {}
        notes: list[Notification] = []
        for doc in docs:
            for error in doc.get("errors", []):
                notes.append(
                    Notification(
                        kind=NotificationKind.NOT_SCANNED,
                        scanner=NAME,
                        path=_rel(str(error.get("filename", ""))),
                        message=f"{_rel(str(error.get('filename', '')))}: bandit could not "
                        f"analyse this file: {error.get('reason', 'unknown reason')}",
                    )
                )
            for item in doc.get("results", []):
                test_id = str(item["test_id"])
                if test_id in skip:
                    continue
                finding, rule = _convert(item)
                if not request.options.get("all-checks"):
                    finding = bandit_context.adjust(finding, request.root)
                finding = precision.cap(finding, rule.precision, full_severity=full,
                                        option="scanners.bandit.full-severity")
                findings.append(finding)
                rules.setdefault(rule.id, rule)
        return ScannerOutput(findings=tuple(findings), rules=rules, notifications=tuple(notes))


def _run_chunks(
    exe: str, chunks: list[tuple[str, ...]], request: ScanRequest
) -> list[dict[str, Any]]:
    from concurrent.futures import ThreadPoolExecutor

    def one(files: tuple[str, ...]) -> dict[str, Any]:
        # --ignore-nosec: secsdlc applies `# nosec` itself so that suppressed results stay visible;
        # `--`: a file named `-xapp.py` is a file, not bandit's -x option
        return tool.run_json("bandit", [exe, "-f", "json", "-q", "--ignore-nosec", "--", *files],
                             cwd=request.root, timeout=request.timeout,
                             exit_codes=_EXIT_CODES)

    chunks = [c for c in chunks if c]
    if len(chunks) == 1:
        return [one(chunks[0])]
    with ThreadPoolExecutor(max_workers=len(chunks)) as pool:
        return list(pool.map(one, chunks))


def _convert(item: dict[str, Any]) -> tuple[Finding, Rule]:
    test_id = str(item["test_id"])
    cwe_info = item.get("issue_cwe") or {}
    cwe: tuple[int, ...] = (int(cwe_info["id"]),) if cwe_info.get("id") else (703,)
    cwe = _CWE_CORRECTIONS.get(test_id, cwe)
    y2025, y2021 = categories(cwe)
    severity = _SEVERITY.get(str(item.get("issue_severity", "")).upper(), Severity.LOW)
    help_uri = str(item.get("more_info", ""))
    rule = Rule(
        id=RuleId(test_id),
        name=str(item.get("test_name", test_id)),
        # the rule describes the check, never one result: bandit's issue_text can quote the
        # flagged value (a password), and rules are shared by every result of the run
        short_description=f"bandit {test_id}: {item.get('test_name', '')}".strip(),
        full_description=f"bandit check {test_id} ({item.get('test_name', '')}); "
                         f"its documentation explains the risk and the fix.",
        help_text=f"bandit check {test_id} ({item.get('test_name', '')}). See {help_uri}",
        help_uri=help_uri,
        severity=severity,
        cwe=cwe,
        owasp_2025=y2025,
        owasp_2021=y2021,
        precision=precision.measured("bandit", test_id),
    )
    line = int(item.get("line_number", 1))
    line_range = item.get("line_range") or [line]
    col = item.get("col_offset")
    end_col = item.get("end_col_offset")
    finding = Finding(
        rule_id=rule.id,
        scanners=(NAME,),
        message=str(item.get("issue_text", test_id)),
        severity=severity,
        confidence=Confidence.parse(str(item.get("issue_confidence", "medium"))),
        location=Location(
            path=_rel(str(item.get("filename", ""))),
            start_line=line,
            start_column=int(col) + 1 if isinstance(col, int) else 1,
            end_line=max(int(x) for x in line_range),
            end_column=int(end_col) + 1 if isinstance(end_col, int) and end_col > 0 else None,
        ),
        cwe=cwe,
        owasp_2025=y2025,
        owasp_2021=y2021,
        help_uri=help_uri,
    )
    return finding, rule


def _rel(name: str) -> str:
    return name[2:] if name.startswith("./") else name


def _as_int(value: object, default: int) -> int:
    valid = isinstance(value, int) and not isinstance(value, bool) and value > 0
    return value if valid else default  # type: ignore[return-value]


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []
