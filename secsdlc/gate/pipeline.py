"""Turn a scan result into a verdict under the project's policy.

`decide` is the one entry point used by `secsdlc scan` and `secsdlc gate`: it may annotate the
result (waived findings get an external suppression) and returns it with the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from secsdlc.config import Config
from secsdlc.gate.gates import AllOf, ScannersSucceededGate, SeverityGate
from secsdlc.gate.interface import Verdict
from secsdlc.model import ScanResult, Severity


@dataclass(frozen=True, kw_only=True)
class GateOptions:
    fail_on: Severity
    trust_root: tuple[str, ...] = ()
    require_signoff: bool = False


def decide(
    result: ScanResult, config: Config, root: Path, options: GateOptions
) -> tuple[ScanResult, Verdict]:
    gate = AllOf([ScannersSucceededGate(), SeverityGate(options.fail_on)], name="policy")
    return result, gate.evaluate(result)
