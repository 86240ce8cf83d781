"""Benchmark the gate: over 10,000 findings and 1,000 signed waivers (target <= 1 s), and over a
SARIF of 100,000 results in text and JSON (target: text under 10 s and 500 MB).

    python benchmarks/bench_gate.py [--runs 5] [--findings 10000] [--waivers 1000]
                                    [--large 100000] [--only waivers|large]

Waivers: builds a throwaway git repository with a two-correspondent registry (real ssh-keygen
Ed25519 keys) and `waivers` approved waivers covering `findings` findings, then times `decide`
(registry chain of custody through git, every waiver signature verified in process, policy,
matching). Side by side, in the same run, it times the underlying tool, `ssh-keygen -Y verify`, on
a sample of the same waivers and extrapolates to all of them: what the gate would cost if it
shelled out.

Large: writes a SARIF of `large` high-severity results (97 files, 9 rules, two-line snippets, CWE,
our fingerprints) and runs `secsdlc gate --sarif` on it as a user does, once per format and run,
reporting for each the wall time, the CPU time (user + system: what the machine being shared does
not inflate as much) and the peak resident memory of the process. Prints medians of several runs.
"""

from __future__ import annotations

import argparse
import json
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
from secsdlc.signoff import allowed_signers, audit, coverage, registry, sshsig, waivers

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
    (repo / "README").write_text("bench\n")
    _sh("git", "add", "README", cwd=repo)
    _sh("git", "commit", "-q", "-m", "init", cwd=repo)  # the registry names the first commit
    admin_path, sec_path = _key(base, "admin"), _key(base, "sec")
    admin = sshsig.load_private_key(admin_path)
    sec = sshsig.load_private_key(sec_path)
    text = "".join(allowed_signers.format_line(p, sshsig.public_key_of(k))
                   for p, k in (("admin@example.com", admin), ("sec@example.com", sec)))
    registry.write_signed(repo, text, admin, project="bench")
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
        w = waivers.new_waiver(project="bench", covered=covered, reason="accepted risk",
                               requester="dev@example.com", created=NOW - timedelta(days=1),
                               expires=NOW + timedelta(days=20))
        waivers.save(repo, waivers.approve(w, sec, "sec@example.com"))
        # a waiver counts only with its request and signed approval in the audit log
        audit.append(repo, action="waiver-request", actor="dev@example.com",
                     data={"waiver": w.id})
        audit.append(repo, action="waiver-approve", actor="sec@example.com",
                     data={"waiver": w.id}, key=sec)
    _sh("git", "add", "-A", cwd=repo)
    _sh("git", "commit", "-q", "-m", "registry and waivers", cwd=repo)
    run = ScannerRun(tool=ToolInfo(name=ScannerName("bandit"), version="1",
                                   information_uri="https://bandit.readthedocs.io"),
                     rules={}, findings=tuple(findings), succeeded=True)
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


def write_large_sarif(path: Path, n: int) -> None:
    results = []
    for i in range(n):
        file, line = f"app/m{i % 97}.py", i // 97 + 1
        snippet = f"subprocess.call(cmd_{i}, shell=True)\n    more()"
        results.append({
            "ruleId": f"B60{i % 9}", "level": "error",
            "message": {"text": f"subprocess call with shell=True identified ({i})"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": file, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": line, "startColumn": 5, "endLine": line + 1,
                           "snippet": {"text": snippet}}}}],
            "partialFingerprints": {"secsdlc/v2": f"{i:032x}", "secsdlc/v1": f"{i + 1:032x}"},
            "properties": {"severity": "high", "confidence": "high", "cwe": [78],
                           "scanners": ["bandit"]},
        })
    rules = [{"id": f"B60{k}", "shortDescription": {"text": "shell"},
              "properties": {"security-severity": "8.0"}} for k in range(9)]
    path.write_text(json.dumps({"version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "bandit", "rules": rules}},
        "invocations": [{"executionSuccessful": True}], "results": results}]}))


def time_large_gate(sarif: Path, fmt: str, cwd: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one `secsdlc gate --sarif` process."""
    out = cwd / f"report.{fmt}"
    start = time.perf_counter()
    with out.open("w") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "secsdlc", "gate", "--sarif", str(sarif),
                                 "--format", fmt], cwd=cwd, stdout=sink,
                                stderr=subprocess.DEVNULL,
                                env={**os.environ, "CI": "", "SECSDLC_TRUST_ROOT": ""})
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 1:
        sys.exit(f"gate --format {fmt} exited {proc.returncode}, expected 1 (blocking findings)")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def bench_large(runs: int, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sarif = base / "large.sarif"
        write_large_sarif(sarif, n)
        print(f"large SARIF: {n} results, {sarif.stat().st_size / 1e6:.0f} MB")
        print(f"{'gate --sarif, ' + str(n) + ' results':30}{'wall':>10}{'CPU':>10}{'peak RSS':>12}")
        for fmt in ("text", "json"):
            samples = [time_large_gate(sarif, fmt, base) for _ in range(runs)]
            wall, cpu, rss = (statistics.median(s[k] for s in samples) for k in range(3))
            verdict = "" if fmt != "text" else (
                "   target < 10 s, < 500 MB: " + ("met" if wall < 10 and rss < 500 else "MISSED"))
            print(f"{'  --format ' + fmt:30}{wall:>9.2f}s{cpu:>9.2f}s{rss:>9.0f} MB{verdict}")
            print(f"{'':30}walls: {', '.join(f'{s[0]:.2f}' for s in samples)}; "
                  f"CPU: {', '.join(f'{s[1]:.2f}' for s in samples)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--findings", type=int, default=10_000)
    parser.add_argument("--waivers", type=int, default=1_000)
    parser.add_argument("--ssh-keygen-sample", type=int, default=50)
    parser.add_argument("--large", type=int, default=100_000, metavar="RESULTS",
                        help="results in the large SARIF")
    parser.add_argument("--only", choices=("waivers", "large"))
    args = parser.parse_args()
    if args.only != "waivers":
        bench_large(args.runs, args.large)
    if args.only != "large":
        bench_waivers(args)
    load = os.getloadavg()[0]
    print(f"(machine: {os.cpu_count()} CPUs, load average {load:.1f}: medians scale with load)")


def bench_waivers(args: argparse.Namespace) -> None:
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


if __name__ == "__main__":
    main()
