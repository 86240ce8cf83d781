"""`secsdlc scan`, `secsdlc gate` and `secsdlc ci github` reach the same verdict and blocking set.

One repository with a per-directory policy: a directory tightened to medium, and one relaxed to
critical by a correspondent's signed override, which only counts once its signature is verified
against the registry; the configuration is signed, as enforce mode (a trust root) requires. The
three commands run as users run them, in subprocesses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from .conftest import GitHubJob, git

SOURCES = {
    # B602, high: blocks at the default fail-on
    "app/main.py": "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n",
    # B101, low: never blocks here
    "app/low.py": "def check(x):\n    assert x\n",
    # B602 again, in a directory a correspondent relaxed to critical: does not block
    "legacy/old.py": "import subprocess\n\n\ndef old(cmd):\n    subprocess.call(cmd, shell=True)\n",
    # B608, medium: blocks only because the policy tightens this directory to medium
    "strict/query.py": (
        "def find(cur, name):\n"
        "    cur.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n"
    ),
}
POLICY = (
    "[scanners.bandit]\nall-checks = true\n"
    '[policy]\nproject = "shop"\nfail-on = "high"\n'
    '[policy.overrides."strict"]\nfail-on = "medium"\n'
    '[policy.overrides."legacy"]\nfail-on = "critical"\n'
)


def secsdlc(cwd: Path, *args: str, trust: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SECSDLC_TRUST_ROOT": trust}
    return subprocess.run([sys.executable, "-m", "secsdlc", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def _project(tmp_path: Path) -> tuple[Path, str]:
    """The repository, committed, and the trust root's fingerprint."""
    key = tmp_path / "keys" / "sec"
    key.parent.mkdir()
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "sec", "-f", str(key)],
                   check=True, capture_output=True)
    trust = subprocess.run(["ssh-keygen", "-lf", f"{key}.pub"], check=True, capture_output=True,
                           text=True).stdout.split()[1]
    root = tmp_path / "repo"
    root.mkdir()
    for args in (("init", "-q", "-b", "main"), ("config", "user.email", "dev@example.com"),
                 ("config", "user.name", "Dev"), ("config", "commit.gpgsign", "false")):
        git(root, *args)
    for rel, text in SOURCES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / ".secsdlc.toml").write_text(POLICY, encoding="utf-8")
    git(root, "add", "-A")  # the registry is bound to the repository's first commit
    git(root, "commit", "-q", "-m", "sources")
    added = secsdlc(root, "correspondent", "add", "sec@example.com", f"{key}.pub",
                    "--key", str(key))
    assert added.returncode == 0, added.stderr
    signed = secsdlc(root, "correspondent", "sign-override", "legacy", "--key", str(key))
    assert signed.returncode == 0, signed.stderr
    signature = signed.stdout.split("\n", 1)[1]
    (root / ".secsdlc.toml").write_text(POLICY + signature, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "project")
    # with a trust root the scan runs in enforce mode, which reads only a signed configuration
    policy = secsdlc(root, "policy", "sign", "--key", str(key), trust=trust)
    assert policy.returncode == 0, policy.stderr
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "signed policy")
    return root, trust


def _blocking(report: dict[str, Any]) -> set[tuple[str, str, int, str]]:
    """(rule, path, line, fail-on) of every blocking finding in a JSON report."""
    by_fp = {f["fingerprint"]: f for f in report["findings"]}
    return {(by_fp[b["fingerprint"]]["rule"], by_fp[b["fingerprint"]]["path"],
             by_fp[b["fingerprint"]]["startLine"], b["failOn"])
            for b in report["verdict"]["blocking"]}


def test_scan_gate_and_ci_github_agree(tmp_path: Path) -> None:
    root, trust = _project(tmp_path)
    out = tmp_path / "out"
    scan = secsdlc(root, "scan", "--scanners", "bandit", "--no-progress", "--no-cache",
                   "--trust-root", trust, "--format", "json", "--output", str(out / "scan.json"),
                   "--sarif", str(out / "scan.sarif"))
    gate = secsdlc(root, "gate", "--sarif", str(out / "scan.sarif"), "--trust-root", trust,
                   "--format", "json", "--output", str(out / "gate.json"))
    job = (tmp_path / "job")
    job.mkdir()
    ci = GitHubJob(tmp=job).run(root, "--scanners", "bandit", "--trust-root", trust,
                                event="push", sha=git(root, "rev-parse", "HEAD"))

    expected = {("B602", "app/main.py", 5, "high"), ("B608", "strict/query.py", 2, "medium")}
    reports = {name: json.loads(path.read_text(encoding="utf-8")) for name, path in (
        ("scan", out / "scan.json"), ("gate", out / "gate.json"),
        ("ci github", ci.out_dir / "secsdlc.json"))}
    for name, report in reports.items():
        assert report["verdict"]["passed"] is False and not report["verdict"]["error"], name
        assert _blocking(report) == expected, name
        # the relaxed directory's finding is there, and does not block
        assert any(f["path"] == "legacy/old.py" and f["rule"] == "B602"
                   for f in report["findings"]), name
    assert (scan.returncode, gate.returncode, ci.proc.returncode) == (1, 1, 1), (
        scan.stderr + gate.stderr + ci.proc.stderr)

    # what GitHub shows: one error annotation per blocking finding, nothing for the rest
    annotated = {(line.split("file=", 1)[1].split(",", 1)[0],
                  int(line.split("line=", 1)[1].split(",", 1)[0]))
                 for line in ci.annotations if line.startswith("::error file=")}
    assert annotated == {(path, line) for _, path, line, _ in expected}
    assert ci.outputs["blocking-findings"] == "2" and ci.outputs["gate"] == "failed"
