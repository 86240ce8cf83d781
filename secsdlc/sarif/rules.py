"""The rules a SARIF run describes, and which of them describes a result."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from secsdlc.model import Rule, RuleId
from secsdlc.owasp import categories
from secsdlc.sarif.checked import Checked
from secsdlc.sarif.terms import BadSeverity, cwes, severity


class RuleIndex:
    """A run's rules by id and by index, from the driver and from extensions (CodeQL packs)."""

    def __init__(self, check: Checked, tool: Mapping[str, Any], driver: Mapping[str, Any],
                 where: str) -> None:
        self.check = check
        self.driver_rules = self._checked(driver, f"{where}.tool.driver")
        self.extensions = [
            self._checked(check.obj(ext, f"{where}.tool.extensions[{k}]"),
                          f"{where}.tool.extensions[{k}]")
            for k, ext in enumerate(check.arr(tool, "extensions", f"{where}.tool"))]
        self.by_id: dict[str, Mapping[str, Any]] = {}
        self.rules: dict[RuleId, Rule] = {}
        for rules, rules_where in ((self.driver_rules, f"{where}.tool.driver"),
                                   *((ext, f"{where}.tool.extensions[{k}]")
                                     for k, ext in enumerate(self.extensions))):
            for j, rule in enumerate(rules):
                if rule["id"] not in self.by_id:
                    self.by_id[rule["id"]] = rule
                    self.rules[RuleId(rule["id"])] = _rule(check, rule,
                                                           f"{rules_where}.rules[{j}]")

    def _checked(self, component: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
        rules = self.check.arr(component, "rules", where)
        for j, rule in enumerate(rules):
            if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
                raise self.check.fail(f"{where}.rules[{j}].id", "missing")
        return rules

    def lookup(self, result: Mapping[str, Any],
               where: str) -> tuple[str, Mapping[str, Any] | None]:
        """The result's rule id, and the rule that describes it (None when the run has none)."""
        fail = self.check.fail
        ref = self.check.opt_obj(result, "rule", where)
        rules = self.driver_rules
        component = ref.get("toolComponent")
        if isinstance(component, dict) and isinstance(component.get("index"), int):
            at = component["index"]
            if not 0 <= at < len(self.extensions):
                raise fail(f"{where}.rule.toolComponent.index", f"{at} out of range")
            rules = self.extensions[at]
        index = ref.get("index", result.get("ruleIndex"))
        rule: Mapping[str, Any] | None = None
        if index is not None:
            if isinstance(index, bool) or not isinstance(index, int):
                raise fail(f"{where}.ruleIndex", "must be an integer")
            if index >= len(rules):
                raise fail(f"{where}.ruleIndex", f"{index} but the run has {len(rules)} rules")
            if index >= 0:
                rule = rules[index]
        rule_id = self.check.opt_str(result, "ruleId", where)
        if rule_id is None and ref:
            rule_id = self.check.opt_str(ref, "id", f"{where}.rule")
        if rule_id is None and rule is not None:
            rule_id = rule["id"]
        if not rule_id:
            raise fail(where, "has no ruleId, rule.id or ruleIndex")
        if rule is None:
            rule = self.by_id.get(rule_id) or self.by_id.get(rule_id.split("/")[0])
        return rule_id, rule


def default_level(raw: Mapping[str, Any] | None) -> str | None:
    """The level a rule gives results that state none."""
    level = ((raw or {}).get("defaultConfiguration") or {}).get("level")
    return level if isinstance(level, str) else None


def _rule(check: Checked, raw: Mapping[str, Any], where: str) -> Rule:
    props = check.opt_obj(raw, "properties", where)
    cwe = cwes(props)
    y2025, y2021 = categories(cwe)

    def text(key: str) -> str:
        return str((raw.get(key) or {}).get("text", ""))

    try:
        # a rule's own severity is only shown; each result's is decided (and any guess noted)
        rule_severity, _ = severity(props, {}, default_level(raw))
    except BadSeverity as e:
        field = "defaultConfiguration.level" if e.field == "level" else e.field
        raise check.fail(f"{where}.{field}", e.problem) from None
    return Rule(id=RuleId(raw["id"]), name=str(raw.get("name", raw["id"])),
                short_description=text("shortDescription") or raw["id"],
                full_description=text("fullDescription"), help_text=text("help"),
                help_uri=str(raw.get("helpUri", "")),
                severity=rule_severity, cwe=cwe, owasp_2025=y2025,
                owasp_2021=y2021, precision=str(props.get("precision", "")))
