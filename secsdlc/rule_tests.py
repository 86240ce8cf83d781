"""The rule pack's own tests: `semgrep --test` over a rule directory, one result per rule.

Every rule file in the pack has a test file beside it annotated with `# ruleid:` (must match) and
`# ok:` (must not match) lines; a rule passes when semgrep reports exactly the expected lines.
Anything that keeps semgrep from giving a verdict is a SecsdlcError (fail closed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secsdlc.errors import SecsdlcError, UsageError
from secsdlc.process import ProcessError, run, which

_TIMEOUT_S = 900.0


@dataclass(frozen=True, kw_only=True)
class RuleTestResult:
    rule_id: str
    passed: bool
    missed_lines: tuple[int, ...] = ()  # annotated `ruleid:` but not reported
    unexpected_lines: tuple[int, ...] = ()  # reported but not annotated (an `ok:` line matched)
    errors: tuple[str, ...] = ()


def run_rule_tests(directory: Path | None = None) -> list[RuleTestResult]:
    """Run `semgrep --test` over `directory` (default: the bundled pack); raise SecsdlcError
    when it cannot give a verdict."""
    if directory is None:
        from secsdlc.rules_path import rules_dir

        directory = rules_dir()
    elif not directory.is_dir():
        raise UsageError(f"{directory}: not a directory")
    exe = which("semgrep")
    if exe is None:
        raise SecsdlcError("semgrep is not installed (pip install semgrep)")
    _check_yaml(directory)
    cmd = [exe, "--test", "--metrics=off", "--json", str(directory)]
    env = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
    try:
        _rc, out, err = run(cmd, timeout=_TIMEOUT_S, env=env)
    except ProcessError as e:
        raise SecsdlcError(f"semgrep --test could not run: {e}") from e
    return parse_test_output(out, err)


def _check_yaml(directory: Path) -> None:
    """A rule file that is not YAML is named with its line, not shown as semgrep's parser frames."""
    import yaml

    files = [directory] if directory.is_file() else sorted(
        p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    for path in files:
        try:
            yaml.safe_load(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise SecsdlcError(f"{path}: not UTF-8 text") from None
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = f" at line {mark.line + 1}" if mark is not None else ""
            problem = getattr(e, "problem", None) or str(e).splitlines()[0]
            raise SecsdlcError(f"{path}: invalid YAML{line}: {problem}") from None
        except OSError as e:
            raise SecsdlcError(f"{path}: cannot read: {e.strerror or e}") from None


def parse_test_output(out: str, err: str = "") -> list[RuleTestResult]:
    """Turn `semgrep --test --json` output into one result per rule; reject anything unexpected."""
    try:
        data = json.loads(out)
    except json.JSONDecodeError as e:
        tail = err.strip()[-400:]
        raise SecsdlcError(f"semgrep --test output is not JSON ({e}): {tail}") from e
    if not isinstance(data, dict) or not isinstance(data.get("results"), dict):
        raise SecsdlcError("semgrep --test output has no 'results' object")
    results: list[RuleTestResult] = []
    for config in data.get("config_missing_tests") or []:
        results.append(RuleTestResult(rule_id=str(config), passed=False,
                                      errors=("no test file beside this rule file",)))
    for config in data.get("config_with_errors") or []:
        results.append(RuleTestResult(rule_id=str(config), passed=False,
                                      errors=("rule file does not load",)))
    for config, entry in sorted(data["results"].items()):
        checks = entry.get("checks") if isinstance(entry, dict) else None
        if not isinstance(checks, dict) or not checks:
            results.append(RuleTestResult(rule_id=str(config), passed=False,
                                          errors=("semgrep ran no check for this rule file",)))
            continue
        for rule_id, check in sorted(checks.items()):
            results.append(_check_result(rule_id, check))
    if not results:
        raise SecsdlcError("semgrep --test found no rules to test")
    return results


def _check_result(rule_id: str, check: dict[str, Any]) -> RuleTestResult:
    missed: set[int] = set()
    unexpected: set[int] = set()
    for match in (check.get("matches") or {}).values():
        expected = set(match.get("expected_lines") or [])
        reported = set(match.get("reported_lines") or [])
        missed |= expected - reported
        unexpected |= reported - expected
    errors = tuple(str(e) for e in check.get("errors") or [])
    passed = bool(check.get("passed")) and not missed and not unexpected and not errors
    return RuleTestResult(rule_id=rule_id, passed=passed, missed_lines=tuple(sorted(missed)),
                          unexpected_lines=tuple(sorted(unexpected)), errors=errors)
