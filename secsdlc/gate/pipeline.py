"""Turn a scan result into a verdict under the project's policy.

`decide` is the one entry point used by `secsdlc scan` and `secsdlc gate`: it annotates the result
(findings covered by a valid signed waiver get an external suppression; warnings about waivers,
the registry and the policy become notifications) and returns it with the verdict.

The correspondent registry is verified (git history + trust root) only when something needs it:
waivers on file, a signed policy relaxation, or --require-signoff. If it cannot be verified nothing
that depends on it counts: waivers do not waive, relaxations do not relax, sign-off fails.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import cast

from secsdlc.config import Config
from secsdlc.gate import policy as policy_mod
from secsdlc.gate import scopes
from secsdlc.gate import waivers as gate_waivers
from secsdlc.gate.gates import AllOf, ScannersSucceededGate
from secsdlc.gate.interface import Gate, Verdict
from secsdlc.gate.policy import Rules
from secsdlc.gate.policy_gates import PathSeverityGate, SignoffGate
from secsdlc.mode import Mode
from secsdlc.model import Notification, NotificationKind, ScanResult, Severity
from secsdlc.signoff import facade as signoff


@dataclass(frozen=True, kw_only=True)
class GateOptions:
    fail_on: Severity  # used where the policy sets no fail-on
    trust_root: tuple[str, ...] = ()  # empty: $SECSDLC_TRUST_ROOT
    require_signoff: bool = False
    signoff_file: Path | None = None  # None: the git note on HEAD
    # enforce mode: the command line's --fail-on, which no configuration may loosen
    floor: Severity | None = None
    now: datetime | None = None


def decide(
    result: ScanResult, config: Config, root: Path, options: GateOptions
) -> tuple[ScanResult, Verdict]:
    policy = policy_mod.load(config)  # ConfigError: the CLI exits 2
    now = options.now or datetime.now(timezone.utc)
    notes: list[str] = list(policy.warnings)
    # test and example code first: a waiver's allowed length depends on the severity that stands
    scoped = scopes.apply(result, policy.scopes,
                          scopes.imported_by_application(root, result, policy.scopes))
    result = scoped.result
    left_out = tuple(Notification(kind=NotificationKind.INFO, message=f"{n} finding(s) not "
                                  f"reported under the policy scope {name!r}")
                     for name, n in sorted(scoped.ignored.items()))

    waivers, broken = signoff.waivers_on_file(root)
    notes += [f"waiver ignored: {problem}" for problem in broken]
    relaxing = [o for o in policy.overrides if o.relaxations]
    # What waivers, sign-offs and relaxations are bound to: the project the registry is signed
    # for, never the repository's own configuration.
    correspondents = signoff.Correspondents()
    if waivers or relaxing or options.require_signoff:
        correspondents = signoff.correspondents(root, options.trust_root)
        if correspondents.problem:
            notes.append(f"correspondent registry not trusted, signed waivers and sign-offs do "
                         f"not count: {correspondents.problem}")
        elif policy.project and policy.project != correspondents.project:
            notes.append(f"{policy.source}: project {policy.project!r} is not the project the "
                         f"correspondent registry is signed for ({correspondents.project!r}), "
                         f"which applies")

    signed_dirs = _verified_relaxations(relaxing, correspondents, notes)

    @lru_cache(maxsize=4096)
    def rules_at(path: str) -> Rules:
        rules = policy.effective(path, options.fail_on, signed_dirs)
        if options.floor is not None and rules.fail_on.rank > options.floor.rank:
            rules = replace(rules, fail_on=options.floor)
        return rules

    statuses = signoff.check_waivers(
        waivers, correspondents, root, max_days_at=lambda path: rules_at(path).max_waiver_days,
        now=now, require_project=result.mode == Mode.ENFORCE.value)
    for status in statuses:
        notes += status.warnings
        if status.status == "invalid":
            notes.append(f"waiver {status.waiver.id} invalid: {status.why}")
    applied = gate_waivers.apply(result, statuses, rules_at)
    notes += applied.warnings
    annotated = replace(applied.result, notifications=applied.result.notifications + tuple(
        Notification(kind=NotificationKind.WARNING, message=m) for m in notes) + left_out)

    gates: list[object] = [
        ScannersSucceededGate(required=policy.all_required_scanners()),
        PathSeverityGate(rules_at, applied.rejected),
    ]
    if options.require_signoff:
        gates.append(SignoffGate(lambda r: signoff.check_release(r, root, correspondents,
                                                                 options.signoff_file)))
    # cast: frozen dataclass gates have a read-only `name`, which Gate declares as settable.
    gate = AllOf(cast("list[Gate]", gates), name="policy")
    return annotated, gate.evaluate(annotated)


def _verified_relaxations(relaxing: list[policy_mod.Override],
                          correspondents: signoff.Correspondents,
                          notes: list[str]) -> frozenset[str]:
    ok: set[str] = set()
    for o in relaxing:
        why = signoff.relaxation_problem(
            o.signature, policy_mod.relaxation_bytes(correspondents.project, o),
            policy_mod.POLICY_NAMESPACE, correspondents)
        if why:
            notes.append(f"{o.key}: relaxation not signed by a correspondent, applied as "
                         f"tighten-only: {why}")
        else:
            ok.add(o.directory)
    return frozenset(ok)
