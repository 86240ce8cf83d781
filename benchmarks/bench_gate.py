"""Benchmark: the gate over 10,000 findings and 1,000 signed waivers (target <= 1 s).

    python benchmarks/bench_gate.py [--runs 5] [--findings 10000] [--waivers 1000]

Builds a throwaway git repository with a two-correspondent registry (real ssh-keygen Ed25519 keys)
and `waivers` approved waivers covering `findings` findings, then times `decide` (registry chain
of custody through git, every waiver signature verified in process, policy, matching). Side by
side, in the same run, it times the underlying tool, `ssh-keygen -Y verify`, on a sample of the
same waivers and extrapolates to all of them: what the gate would cost if it shelled out.
Prints medians of several runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from secsdlc.config import Config
from secsdlc.gate.pipeline import GateOptions, decide
from secsdlc.model import (
    Confidence,
    Finding,
    Fingerprint,
    Location,
    RuleId,
    ScannerName,
    ScannerRun,
    ScanResult,
    Severity,
    ToolInfo,
)
from secsdlc.signoff import allowed_signers, coverage, registry, sshsig, waivers

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


def _sh(*cmd: str, cwd: Path | None = None) -> str:
    return subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True).stdout


def _key(d: Path, name: str) -> Path:
    path = d / name
    _sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path))
    return path


def build(base: Path, n_findings: int, n_waivers: int) -> tuple[Path, ScanResult, str, Path]:
    repo = base / "repo"
    repo.mkdir()
    _sh("git", "init", "-q", "-b", "main", cwd=repo)
    _sh("git", "config", "user.email", "dev@example.com", cwd=repo)
    _sh("git", "config", "user.name", "dev", cwd=repo)
    admin_path, sec_path = _key(base, "admin"), _key(base, "sec")
    admin = sshsig.load_private_key(admin_path)
    sec = sshsig.load_private_key(sec_path)
    text = "".join(allowed_signers.format_line(p, sshsig.public_key_of(k))
                   for p, k in (("admin@example.com", admin), ("sec@example.com", sec)))
    registry.write_signed(repo, text, admin)
    per = max(1, n_findings // n_waivers)
    findings = []
    for i in range(n_findings):
        findings.append(Finding(
            rule_id=RuleId(f"R{i // per}"), scanners=(ScannerName("bandit"),), message="m",
            severity=Severity.HIGH, confidence=Confidence.HIGH,
            location=Location(path=f"pkg/m{i // per}.py", start_line=i % per + 1),
            fingerprint=Fingerprint(f"{i:064x}"),
        ))
    for w_i in range(n_waivers):
        fps = tuple(f.fingerprint for f in findings[w_i * per:(w_i + 1) * per])
        covered = [coverage.Covered(fingerprint=fp, rule=f"R{w_i}", path=f"pkg/m{w_i}.py",
                                    start_line=n + 1, end_line=n + 1, severity=Severity.HIGH,
                                    message="m", snippet="", region_sha256="", occurrence=0)
                   for n, fp in enumerate(fps)]
        w = waivers.new_waiver(project="", covered=covered, reason="accepted risk",
                               requester="dev@example.com", created=NOW - timedelta(days=1),
                               expires=NOW + timedelta(days=20))
        waivers.save(repo, waivers.approve(w, sec, "sec@example.com"))
    _sh("git", "add", "-A", cwd=repo)
    _sh("git", "commit", "-q", "-m", "registry and waivers", cwd=repo)
    run = ScannerRun(tool=ToolInfo(name=ScannerName("bandit"), version="1",
                                   information_uri="https://bandit.readthedocs.io"),
                     rules={}, findings=tuple(findings))
    fp = sshsig.public_key_of(admin).fingerprint
    return repo, ScanResult(root=str(repo), runs=(run,)), fp, sec_path


def time_gate(repo: Path, result: ScanResult, trust: str) -> tuple[float, int]:
    start = time.perf_counter()
    annotated, verdict = decide(result, Config(), repo, GateOptions(
        fail_on=Severity.HIGH, trust_root=(trust,), now=NOW))
    elapsed = time.perf_counter() - start
    waived = sum(1 for f in annotated.findings if f.suppressed)
    if not verdict.passed or waived != len(result.findings):
        sys.exit(f"benchmark world is wrong: passed={verdict.passed} waived={waived}")
    return elapsed, waived


def time_ssh_keygen(repo: Path, sample: int) -> float:
    """Seconds per waiver for `ssh-keygen -Y verify` (one process per waiver, as a shell-out)."""
    files = sorted((repo / waivers.WAIVER_DIR).glob("*.json"))[:sample]
    allowed = repo / registry.REGISTRY_FILE
    prepared = []
    for path in files:
        w = waivers.load(path)
        assert w.approval is not None
        sig = path.with_suffix(".sig")
        sig.write_text(w.approval.signature)
        prepared.append((w.signed_bytes(), sig))
    start = time.perf_counter()
    for data, sig in prepared:
        subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I",
                        "sec@example.com", "-n", waivers.NAMESPACE, "-s", str(sig)],
                       input=data, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    for _, sig in prepared:
        sig.unlink()
    return elapsed / len(prepared)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--findings", type=int, default=10_000)
    parser.add_argument("--waivers", type=int, default=1_000)
    parser.add_argument("--ssh-keygen-sample", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        repo, result, trust, _ = build(Path(tmp), args.findings, args.waivers)
        print(f"setup: {args.findings} findings, {args.waivers} signed waivers "
              f"({time.perf_counter() - t0:.1f} s)")
        gate_times = [time_gate(repo, result, trust)[0] for _ in range(args.runs)]
        keygen = [time_ssh_keygen(repo, args.ssh_keygen_sample) for _ in range(args.runs)]
    gate_median = statistics.median(gate_times)
    per_waiver = statistics.median(keygen)
    keygen_total = per_waiver * args.waivers
    print(f"{'':34}{'median':>10}")
    print(f"{'secsdlc gate (decide), in process':34}{gate_median:>9.3f}s")
    print(f"{'ssh-keygen -Y verify x ' + str(args.waivers) + ' (est.)':34}{keygen_total:>9.3f}s"
          f"   ({per_waiver * 1000:.1f} ms/waiver, sample of {args.ssh_keygen_sample})")
    print(f"ratio ssh-keygen / gate: {keygen_total / gate_median:.1f}x; "
          f"target <= 1 s: {'met' if gate_median <= 1.0 else 'MISSED'}")
    load = os.getloadavg()[0]
    print(f"(machine: {os.cpu_count()} CPUs, load average {load:.1f}: medians scale with load)")


if __name__ == "__main__":
    main()
