"""How findings in test, documentation and example code count: `[tool.secsdlc.policy.scopes]`.

    [tool.secsdlc.policy.scopes.tests]
    paths = ["**/tests/**", "**/test_*.py", "**/*_test.py", "**/conftest.py"]
    rules = {"*" = "low", "secsdlc.secrets.*" = "keep", "B101" = "ignore"}

A scope is a set of path globs (relative to the scan root) and what happens there to the findings
of each rule: `ignore` (not reported), a severity (reported at most at that severity) or `keep`.
A rule is named by its id, a glob over ids (`secsdlc.taint.*`), a CWE (`CWE-798`) or an OWASP
category (`A05:2025`); the exact id wins, else the longest pattern that matches. A finding that
several tools reported, or that lies in several scopes, gets the treatment that keeps the most of
it, so a scope never hides what another rule or scope keeps.

The built-in scopes (`DEFAULT_SCOPES`, documented in docs/rules.md) are the policy when the
configuration says nothing. A configured scope of the same name replaces the built-in `paths`
when it gives them and adds to or overrides its `rules` entry by entry; other names add scopes.
Being part of the policy, a scope is read only from a signed configuration in enforce mode (see
secsdlc.trusted_config): a commit cannot widen where findings stop blocking.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from secsdlc.errors import ConfigError
from secsdlc.files import matches
from secsdlc.model import Finding, ScanResult, Severity

IGNORE = "ignore"
KEEP = "keep"

# A password or URL credential in a fixture or a prose example is not a leak; a private key or a
# provider's token is one wherever it is committed (the secrets scanner's other rules).
_CREDENTIALS: Mapping[str, str] = {
    "secsdlc.secrets.hardcoded-credential": "low",
    "secsdlc.secrets.url-credentials": "low",
    "secsdlc.python.auth.hardcoded-credentials": "low",
    "B105": "low", "B106": "low", "B107": "low",
}


@dataclass(frozen=True, kw_only=True)
class Scope:
    name: str
    paths: tuple[str, ...]
    rules: Mapping[str, str] = field(default_factory=dict)  # pattern -> ignore | keep | severity

    def covers(self, path: str) -> bool:
        return bool(self.paths) and matches(path, self.paths)

    def treatment(self, finding: Finding) -> tuple[str, str] | None:
        """(action, the pattern that chose it) that keeps the most of the finding, or None."""
        chosen: list[tuple[str, str]] = []
        for rule_id in (finding.rule_id, *finding.related_rule_ids):
            if rule_id in self.rules:
                chosen.append((self.rules[rule_id], rule_id))
                continue
            hits = [p for p in self.rules if _pattern_matches(p, rule_id, finding)]
            if hits:
                pattern = max(hits, key=len)
                chosen.append((self.rules[pattern], pattern))
        return max(chosen, key=lambda c: _kept(c[0])) if chosen else None


# Where test code lives unless the policy says otherwise (the taint analysis reads it only as
# code that application code calls, never as an entry point).
TEST_CODE = ("**/tests/**", "**/test_*.py", "**/*_test.py", "**/conftest.py")

DEFAULT_SCOPES: tuple[Scope, ...] = (
    # tests exercise vulnerable code on purpose and check with assert: nothing there blocks,
    # except a real key or token, which is leaked wherever it is committed
    Scope(name="tests",
          paths=TEST_CODE,
          rules={"*": "low", "secsdlc.secrets.*": KEEP, **_CREDENTIALS,
                 "B101": IGNORE, "secsdlc.python.access-control.assert-authorization": IGNORE}),
    # snippets in documentation are copied: they count, but their example passwords are prose
    Scope(name="docs", paths=("**/docs/**",), rules={**_CREDENTIALS, "B101": IGNORE}),
    # example applications are what users copy first: every finding counts
    Scope(name="examples", paths=("**/examples/**",), rules={}),
)


def _pattern_matches(pattern: str, rule_id: str, finding: Finding) -> bool:
    if pattern.upper().startswith("CWE-"):
        return pattern[4:].isdigit() and int(pattern[4:]) in finding.cwe
    if pattern in finding.owasp_2025 or pattern in finding.owasp_2021:
        return True
    return fnmatch.fnmatchcase(rule_id, pattern)


def _kept(action: str) -> int:
    """How much of a finding an action keeps: ignore < info < ... < critical < keep."""
    if action == IGNORE:
        return -1
    if action == KEEP:
        return 99
    return Severity.parse(action).rank


def parse(table: Any, *, source: str, prefix: str) -> tuple[tuple[Scope, ...], list[str]]:
    """The scopes in force: the built-in ones with the configuration's on top; and warnings."""
    key = prefix + "scopes"
    if not isinstance(table, dict):
        raise ConfigError(source, key, "must be a table of scopes, e.g. [policy.scopes.tests]")
    warnings: list[str] = []
    scopes = {s.name: s for s in DEFAULT_SCOPES}
    for name, body in table.items():
        where = f"{key}.{name}"
        if not isinstance(body, dict):
            raise ConfigError(source, where, "must be a table with paths and rules")
        for unknown in sorted(set(body) - {"paths", "rules"}):
            warnings.append(f"{source}: unknown key {where}.{unknown!r} ignored")
        base = scopes.get(name, Scope(name=name, paths=()))
        paths = base.paths
        if "paths" in body:
            value = body["paths"]
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ConfigError(source, f"{where}.paths", "must be a list of path globs")
            paths = tuple(value)
        rules = dict(base.rules)
        value = body.get("rules", {})
        if not isinstance(value, dict):
            raise ConfigError(source, f"{where}.rules",
                              'must be a table of rule = "ignore" | "keep" | a severity')
        for pattern, action in value.items():
            rules[pattern] = _action(action, source, f"{where}.rules.{pattern!r}")
        scopes[name] = Scope(name=name, paths=paths, rules=rules)
    return tuple(scopes.values()), warnings


def _action(value: object, source: str, key: str) -> str:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in (IGNORE, KEEP):
            return lowered
        try:
            return Severity.parse(lowered).value
        except ValueError:
            pass
    choices = ", ".join(s.value for s in Severity)
    raise ConfigError(source, key, f"must be 'ignore', 'keep' or a severity ({choices})")


@dataclass(frozen=True, kw_only=True)
class Scoped:
    result: ScanResult
    # scope name -> how many findings there were not reported
    ignored: Mapping[str, int]


def imported_by_application(root: Path, result: ScanResult,
                            scopes: Iterable[Scope]) -> frozenset[str]:
    """Python files a scope covers that code no scope covers imports: application code,
    whatever they are named (`app/net_test.py` imported by `app/views.py`). Read from the text of
    import statements and of strings naming a module (`importlib.import_module("app.net_test")`,
    Django's `ROOT_URLCONF`), so a doubt keeps the file's findings as they are. Every Python file
    under the root is read, not only the scanned ones: a diff-aware scan scans the changed
    helper, and the view that imports it is unchanged."""
    scopes = tuple(s for s in scopes if s.paths and s.rules)
    flagged = {f.location.path for f in result.findings
               if f.location.path.endswith(".py") and any(s.covers(f.location.path)
                                                           for s in scopes)}
    if not flagged:
        return frozenset()
    every = sorted({p for p in (*result.scanned, *_python_files(root)) if p.endswith(".py")})
    # every covered module, flagged or not: `app/tests/__init__.py` importing the flagged helper
    # carries the import from application code on
    covered = [p for p in every if any(s.covers(p) for s in scopes)] + sorted(flagged)
    names = {path: PurePosixPath(path).stem if PurePosixPath(path).stem != "__init__"
             else PurePosixPath(path).parent.name for path in covered}
    known = {n for n in names.values() if n}

    def imported_by(path: str) -> set[str]:
        try:
            text = (root / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return set()
        words = {w for statement in _IMPORT.findall(text) for w in _WORD.findall(statement)}
        words |= {w for _, dotted in _DOTTED_STRING.findall(text) for w in _WORD.findall(dotted)}
        return words & known

    seen: set[str] = set()
    for path in every:
        if not any(s.covers(path) for s in scopes):
            seen |= imported_by(path)
    # what an imported covered module imports is imported too, to the end of the chain
    done: set[str] = set()
    while todo := [p for p, n in names.items() if n in seen and p not in done]:
        for path in todo:
            done.add(path)
            seen |= imported_by(path)
    return frozenset(path for path in flagged if names[path] in seen)


# an import statement, its parenthesised names on later lines included; a string that is a dotted
# path (`"app.tests.helpers"`, `"app.tests.cli:main"`)
_IMPORT = re.compile(r"^[ \t]*(?:from|import)[ \t](?:[^\n(]*\([^)]*\)|[^\n]*)", re.MULTILINE)
_DOTTED_STRING = re.compile(r"([\"'])([\w.:]+)\1")
_WORD = re.compile(r"\w+")


def _python_files(root: Path) -> list[str]:
    """The Python files under `root` (relative, POSIX), the built-in exclusions left out."""
    from secsdlc.config import DEFAULT_EXCLUDE
    from secsdlc.files import matches

    found: list[str] = []
    for top, dirs, names in os.walk(root):
        rel_top = Path(top).relative_to(root).as_posix()
        prefix = "" if rel_top == "." else rel_top + "/"
        dirs[:] = [d for d in dirs if not matches(f"{prefix}{d}/x", DEFAULT_EXCLUDE)]
        found += [prefix + n for n in names if n.endswith(".py")]
    return found


def apply(result: ScanResult, scopes: Iterable[Scope],
          imported: frozenset[str] = frozenset()) -> Scoped:
    """Lower or leave out the findings the scopes that cover their paths say to, except in
    files application code imports (`imported`)."""
    scopes = tuple(s for s in scopes if s.paths and s.rules)
    if not scopes:
        return Scoped(result=result, ignored={})
    ignored: Counter[str] = Counter()
    runs = []
    for run in result.runs:
        kept: list[Finding] = []
        for finding in run.findings:
            decided = [(t, s) for s in scopes if s.covers(finding.location.path)
                       for t in [s.treatment(finding)] if t is not None] \
                if finding.location.path not in imported else []
            if not decided:
                kept.append(finding)
                continue
            (action, pattern), scope = max(decided, key=lambda d: _kept(d[0][0]))
            if action == IGNORE:
                ignored[scope.name] += 1
                continue
            if action != KEEP:
                ceiling = Severity.parse(action)
                if finding.severity.rank > ceiling.rank:
                    finding = replace(finding, severity=ceiling, properties={
                        **finding.properties,
                        "scoped": f"{finding.severity.value} lowered to {ceiling.value} by "
                                  f"the policy scope {scope.name!r} (rule {pattern!r})"})
            kept.append(finding)
        runs.append(replace(run, findings=tuple(kept)))
    return Scoped(result=replace(result, runs=tuple(runs)), ignored=dict(ignored))
