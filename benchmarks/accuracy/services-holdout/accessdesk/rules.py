"""Access-review rules: expressions over an account's facts, plus plugin rules from disk."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any, Callable

log = logging.getLogger("accessdesk.rules")

BUILTIN_RULES = {
    "stale-account": "days_since_login > 90",
    "orphaned": "not manager",
    "privileged-contractor": "is_contractor and admin_groups > 0",
    "excessive-groups": "group_count > 40",
}
RULE_FUNCTIONS = {"len": len, "min": min, "max": max, "any": any, "all": all}


@dataclass
class Rule:
    name: str
    expression: str
    severity: str = "medium"
    tags: list[str] = field(default_factory=list)


class RuleEngine:
    def __init__(self, plugin_dir: str) -> None:
        self.plugin_dir = plugin_dir
        self._plugins: dict[str, Callable[[dict[str, Any]], bool]] = {}

    def evaluate(self, expression: str, facts: dict[str, Any]) -> bool:
        code = compile(expression, "<rule>", "eval")
        return bool(eval(code, {"__builtins__": RULE_FUNCTIONS}, dict(facts)))

    def available_plugins(self) -> set[str]:
        return {name[:-3] for name in os.listdir(self.plugin_dir) if name.endswith(".py")}

    def load_plugin(self, name: str, code: str) -> None:
        namespace: dict[str, Any] = {}
        exec(code, namespace)
        self._plugins[name] = namespace["check"]
        log.info("plugin %s loaded", name)

    def read_plugin(self, name: str) -> str:
        with open(os.path.join(self.plugin_dir, name + ".py"), encoding="utf-8") as fh:
            return fh.read()
