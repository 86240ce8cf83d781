"""Policy as code: `[tool.secsdlc.policy]` (pyproject.toml) or `[policy]` (.secsdlc.toml).

    project = "payments"
    fail-on = "high"
    required-scanners = ["bandit", "semgrep"]
    max-waiver-days = {critical = 14, high = 30, medium = 90, low = 180}
    sla-days = {critical = 7, high = 30, medium = 90, low = 180}
    [policy.overrides."services/payments"]
    fail-on = "medium"

An override applies to findings under its directory and inherits from the nearest enclosing
override (or the root policy). It may only tighten: a looser fail-on, or more waiver/SLA days, is
a relaxation and needs `signature`, an SSHSIG by a correspondent (namespace `secsdlc-policy`) of
`relaxation_bytes`; without one the policy does not load. A signature that does not verify against
the verified registry leaves the override tighten-only (see `Policy.effective`).
`required-scanners` in an override adds to the inherited list (scanners run on the whole tree).
`scopes` says how findings in test, documentation and example code count (secsdlc.gate.scopes).
Unknown keys warn; invalid values raise ConfigError naming the file and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any

from secsdlc.config import Config
from secsdlc.errors import ConfigError
from secsdlc.gate.scopes import DEFAULT_SCOPES, Scope
from secsdlc.gate.scopes import parse as parse_scopes
from secsdlc.model import Severity
from secsdlc.signoff.facade import canonical

POLICY_NAMESPACE = "secsdlc-policy"
DEFAULT_MAX_WAIVER_DAYS: Mapping[Severity, int] = {
    Severity.CRITICAL: 14, Severity.HIGH: 30, Severity.MEDIUM: 90, Severity.LOW: 180,
    Severity.INFO: 365,
}
DEFAULT_SLA_DAYS: Mapping[Severity, int] = {
    Severity.CRITICAL: 7, Severity.HIGH: 30, Severity.MEDIUM: 90, Severity.LOW: 180,
    Severity.INFO: 365,
}
_ROOT_KEYS = {"project", "fail-on", "required-scanners", "max-waiver-days", "sla-days",
              "overrides", "scopes"}
_OVERRIDE_KEYS = {"fail-on", "required-scanners", "max-waiver-days", "sla-days", "signature"}


@dataclass(frozen=True, kw_only=True)
class Rules:
    """The values that apply at one place in the tree."""

    fail_on: Severity
    required_scanners: tuple[str, ...]
    max_waiver_days: Mapping[Severity, int]
    sla_days: Mapping[Severity, int]


@dataclass(frozen=True, kw_only=True)
class Override:
    directory: str  # POSIX, relative to the root, no trailing slash
    fail_on: Severity | None = None
    required_scanners: tuple[str, ...] = ()
    max_waiver_days: Mapping[Severity, int] = field(default_factory=dict)
    sla_days: Mapping[Severity, int] = field(default_factory=dict)
    relaxations: tuple[str, ...] = ()  # what it loosens relative to what it inherits
    signature: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict)  # as written, minus the signature
    key: str = ""  # config key, for messages

    def covers(self, path: str) -> bool:
        return path == self.directory or path.startswith(self.directory + "/")


@dataclass(frozen=True, kw_only=True)
class Policy:
    source: str = ""
    project: str = ""
    fail_on: Severity | None = None  # None: the caller's default (--fail-on / config)
    required_scanners: tuple[str, ...] = ()
    max_waiver_days: Mapping[Severity, int] = field(
        default_factory=lambda: dict(DEFAULT_MAX_WAIVER_DAYS))
    sla_days: Mapping[Severity, int] = field(default_factory=lambda: dict(DEFAULT_SLA_DAYS))
    overrides: tuple[Override, ...] = ()  # parents before children
    # how findings in test, documentation and example code count (secsdlc.gate.scopes)
    scopes: tuple[Scope, ...] = DEFAULT_SCOPES
    warnings: tuple[str, ...] = ()

    def root_rules(self, default_fail_on: Severity) -> Rules:
        return Rules(fail_on=self.fail_on or default_fail_on,
                     required_scanners=self.required_scanners,
                     max_waiver_days=self.max_waiver_days, sla_days=self.sla_days)

    def all_required_scanners(self) -> tuple[str, ...]:
        names = list(self.required_scanners)
        for o in self.overrides:
            names += o.required_scanners
        return tuple(dict.fromkeys(names))

    def effective(
        self, path: str, default_fail_on: Severity, signed: frozenset[str] = frozenset()
    ) -> Rules:
        """Rules at `path`; overrides whose directory is not in `signed` may only tighten."""
        rules = self.root_rules(default_fail_on)
        for o in self.overrides:
            if o.covers(path):
                rules = _merge(rules, o, may_relax=o.directory in signed)
        return rules


def relaxation_bytes(project: str, override: Override) -> bytes:
    """What a correspondent signs to allow an override to loosen the policy."""
    return canonical({"secsdlc-policy-relaxation": 1, "project": project,
                      "directory": override.directory, "override": dict(override.raw)})


def load(config: Config) -> Policy:
    table = config.sections.get("policy")
    if table is None:
        return Policy(source=config.source)
    return parse(table, source=config.source)


def parse(table: Mapping[str, Any], *, source: str) -> Policy:
    prefix = "tool.secsdlc.policy." if source.endswith("pyproject.toml") else "policy."
    warnings: list[str] = []

    def err(key: str, problem: str) -> ConfigError:
        return ConfigError(source, prefix + key, problem)

    for key in table:
        if key not in _ROOT_KEYS:
            warnings.append(f"{source}: unknown key {prefix + key!r} ignored")
    project = table.get("project", "")
    if not isinstance(project, str):
        raise err("project", "must be a string")
    fail_on = _severity(table, "fail-on", err)
    required = _str_list(table, "required-scanners", err)
    max_days = {**DEFAULT_MAX_WAIVER_DAYS, **_days(table, "max-waiver-days", err)}
    sla = {**DEFAULT_SLA_DAYS, **_days(table, "sla-days", err)}
    scopes = DEFAULT_SCOPES
    if "scopes" in table:
        scopes, scope_warnings = parse_scopes(table["scopes"], source=source, prefix=prefix)
        warnings += scope_warnings
    policy = Policy(source=source, project=project, fail_on=fail_on, required_scanners=required,
                    max_waiver_days=max_days, sla_days=sla, scopes=scopes)

    raw_overrides = table.get("overrides", {})
    if not isinstance(raw_overrides, dict):
        raise err("overrides", "must be a table of directory = { ... }")
    parsed: list[Override] = []
    for directory in raw_overrides:
        key = f"overrides.{_quote(directory)}"
        body = raw_overrides[directory]
        if not isinstance(body, dict):
            raise err(key, "must be a table")
        for sub in body:
            if sub not in _OVERRIDE_KEYS:
                warnings.append(f"{source}: unknown key {prefix}{key}.{sub} ignored")

        def sub_err(k: str, problem: str, key: str = key) -> ConfigError:
            return err(f"{key}.{k}", problem)

        signature = body.get("signature", "")
        if not isinstance(signature, str):
            raise sub_err("signature", "must be an SSH signature string")
        parsed.append(Override(
            directory=_directory(directory, lambda p, key=key: err(key, p)),
            fail_on=_severity(body, "fail-on", sub_err),
            required_scanners=_str_list(body, "required-scanners", sub_err),
            max_waiver_days=_days(body, "max-waiver-days", sub_err),
            sla_days=_days(body, "sla-days", sub_err),
            signature=signature,
            raw={k: v for k, v in body.items() if k != "signature" and k in _OVERRIDE_KEYS},
            key=prefix + key,
        ))
    ordered = sorted(parsed, key=lambda o: (o.directory.count("/"), o.directory))
    seen: dict[str, Override] = {}
    final: list[Override] = []
    for o in ordered:
        if o.directory in seen:
            raise err(f"overrides.{_quote(o.directory)}", "the same directory is listed twice")
        parent = policy.root_rules(Severity.HIGH if fail_on is None else fail_on)
        for p in final:
            if p.covers(o.directory):
                parent = _merge(parent, p, may_relax=True)
        relaxations = _relaxations(parent, o)
        if relaxations and not o.signature:
            raise ConfigError(
                source, o.key,
                "loosens the inherited policy (" + "; ".join(relaxations) + "): an override may "
                "only tighten unless a correspondent signs the relaxation "
                f"(secsdlc correspondent sign-override {o.directory!r} --key KEY)",
            )
        o = replace(o, relaxations=tuple(relaxations))
        seen[o.directory] = o
        final.append(o)
    return replace(policy, overrides=tuple(final), warnings=tuple(warnings))


def _merge(parent: Rules, o: Override, *, may_relax: bool) -> Rules:
    def pick_days(base: Mapping[Severity, int], mine: Mapping[Severity, int]
                  ) -> dict[Severity, int]:
        out = dict(base)
        for sev, days in mine.items():
            out[sev] = days if may_relax else min(days, out.get(sev, days))
        return out

    fail_on = parent.fail_on
    if o.fail_on is not None and (may_relax or o.fail_on.rank < parent.fail_on.rank):
        fail_on = o.fail_on
    return Rules(
        fail_on=fail_on,
        required_scanners=tuple(dict.fromkeys(parent.required_scanners + o.required_scanners)),
        max_waiver_days=pick_days(parent.max_waiver_days, o.max_waiver_days),
        sla_days=pick_days(parent.sla_days, o.sla_days),
    )


def _relaxations(parent: Rules, o: Override) -> list[str]:
    # With no policy fail-on the parent's is the default (high); at gate time an unsigned override
    # is merged tighten-only against the real one anyway (see `_merge`).
    out: list[str] = []
    if o.fail_on is not None and o.fail_on.rank > parent.fail_on.rank:
        out.append(f"fail-on {o.fail_on.value!r} is looser than {parent.fail_on.value!r}")
    for name, mine, base in (("max-waiver-days", o.max_waiver_days, parent.max_waiver_days),
                             ("sla-days", o.sla_days, parent.sla_days)):
        for sev, days in mine.items():
            if days > base.get(sev, days):
                out.append(f"{name}.{sev.value} {days} > {base[sev]}")
    return out


def _severity(table: Mapping[str, Any], key: str, err: Any) -> Severity | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, str):
        raise err(key, "must be a severity string")
    try:
        return Severity.parse(value)
    except ValueError as e:
        raise err(key, str(e)) from None


def _str_list(table: Mapping[str, Any], key: str, err: Any) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise err(key, "must be a list of scanner names")
    return tuple(value)


def _days(table: Mapping[str, Any], key: str, err: Any) -> dict[Severity, int]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise err(key, "must be a table like {critical = 14, high = 30}")
    out: dict[Severity, int] = {}
    for sev_name, days in value.items():
        try:
            sev = Severity.parse(sev_name)
        except ValueError as e:
            raise err(f"{key}.{sev_name}", str(e)) from None
        if isinstance(days, bool) or not isinstance(days, int) or days <= 0:
            raise err(f"{key}.{sev_name}", "must be a positive whole number of days")
        out[sev] = days
    return out


def _directory(raw: str, err: Any) -> str:
    path = PurePosixPath(raw.strip().replace("\\", "/"))
    parts = [p for p in path.parts if p not in (".", "")]
    if not parts or path.is_absolute() or ".." in parts:
        raise err(f"{raw!r} must be a directory relative to the project root, without '..'")
    return "/".join(parts)


def _quote(directory: str) -> str:
    return f'"{directory}"'
