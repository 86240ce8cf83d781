"""`secsdlc rules test`: run the rule pack's own tests (`secsdlc.rule_tests`), report per rule.

Exit 0 when every rule passes, 1 when any fails, 2 when the tests could not run (fail closed).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from secsdlc.rule_tests import RuleTestResult


def register(sub: Any) -> None:
    parser = sub.add_parser("rules", help="work with the bundled semgrep rule pack")
    actions = parser.add_subparsers(dest="rules_action", metavar="ACTION")
    test = actions.add_parser("test", help="run the pack's annotated rule tests (semgrep --test)")
    test.add_argument("--rules", type=Path, default=None,
                      help="rule directory to test (default: the bundled pack)")
    test.add_argument("-v", "--verbose", action="store_true", help="list passing rules too")


def run(args: argparse.Namespace) -> int:
    from secsdlc.errors import UsageError

    if getattr(args, "rules_action", None) != "test":
        raise UsageError("usage: secsdlc rules test [--rules DIR] [-v]")
    from secsdlc.rule_tests import run_rule_tests

    results = run_rule_tests(args.rules)
    failed = [r for r in results if not r.passed]
    for result in results:
        if result.passed and not args.verbose:
            continue
        print(_describe(result))
    print(f"{len(results) - len(failed)}/{len(results)} rules passed their tests"
          + (f"; failing: {', '.join(r.rule_id for r in failed)}" if failed else ""))
    return 1 if failed else 0


def _describe(result: RuleTestResult) -> str:
    if result.passed:
        return f"ok    {result.rule_id}"
    parts = []
    if result.missed_lines:
        parts.append("missed lines " + ", ".join(map(str, result.missed_lines)))
    if result.unexpected_lines:
        parts.append("unexpected matches on lines " + ", ".join(map(str, result.unexpected_lines)))
    parts.extend(result.errors)
    return f"FAIL  {result.rule_id}: " + "; ".join(parts)
