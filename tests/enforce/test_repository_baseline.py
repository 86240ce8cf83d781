"""A baseline file in the repository is written by whoever writes the commit: `baseline create`
accepts every finding of the moment, the new one included. In enforce mode it counts only when
the signed configuration names its content; in advisory mode it applies as written."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tests.enforce.conftest import VULN, Key, commit_all, run_cli, scan_repo, sign_policy

BASELINE = ".secsdlc/baseline.json"


def _create_baseline(root: Path) -> str:
    proc = run_cli("baseline", "create", str(root), "--scanners", "bandit,semgrep",
                   "--no-cache", "-o", str(root / BASELINE))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    digest = hashlib.sha256((root / BASELINE).read_bytes()).hexdigest()
    assert f'baseline-sha256 = "{digest}"' in proc.stdout, proc.stdout
    commit_all(root, "baseline")
    return digest


def test_developer_baselines_their_own_finding(signed_repo: tuple[Path, Key],
                                               mode: str) -> None:
    root, alice = signed_repo
    _create_baseline(root)
    out = scan_repo(mode, root, alice, "--baseline", str(root / BASELINE),
                    scanners="bandit,semgrep")
    if mode == "enforce":
        assert out.rc == 1, out.doc["verdict"]
        assert re.search(r"baseline .* is ignored", out.stderr), out.stderr
        assert "baseline-sha256" in out.stderr and "secsdlc policy sign" in out.stderr
        assert out.doc["findings"]
        assert all(f["baselineState"] != "unchanged" for f in out.doc["findings"])
    else:
        assert out.rc == 0, out.doc["findings"]


def test_baseline_named_by_the_signed_configuration(signed_repo: tuple[Path, Key],
                                                    mode: str) -> None:
    root, alice = signed_repo
    digest = _create_baseline(root)
    (root / ".secsdlc.toml").write_text(f'baseline-sha256 = ["{digest}"]\n')
    sign_policy(root, alice)
    accepted = scan_repo(mode, root, alice, "--baseline", str(root / BASELINE),
                         scanners="bandit,semgrep")
    assert accepted.rc == 0, (accepted.doc["findings"], accepted.stderr)
    assert "baseline" not in accepted.stderr
    # a second finding, and the baseline re-created to hold it: no longer what was signed
    (root / "other.py").write_text(VULN)
    _create_baseline(root)
    out = scan_repo(mode, root, alice, "--baseline", str(root / BASELINE),
                    scanners="bandit,semgrep")
    if mode == "enforce":
        assert out.rc == 1, out.doc["verdict"]
        assert any(f["path"] == "other.py" and f["baselineState"] != "unchanged"
                   for f in out.doc["findings"])
    else:
        assert out.rc == 0, out.doc["findings"]


def test_baseline_outside_the_repository_is_the_jobs_own(signed_repo: tuple[Path, Key],
                                                         tmp_path: Path, mode: str) -> None:
    root, alice = signed_repo
    outside = tmp_path / "ci-baseline.json"
    proc = run_cli("baseline", "create", str(root), "--scanners", "bandit,semgrep",
                   "--no-cache", "-o", str(outside))
    assert proc.returncode == 0, proc.stderr
    out = scan_repo(mode, root, alice, "--baseline", str(outside), scanners="bandit,semgrep")
    assert out.rc == 0, (out.doc["findings"], out.stderr)


def test_bad_baseline_digest_names_the_key(tmp_path: Path) -> None:
    (tmp_path / ".secsdlc.toml").write_text('baseline-sha256 = "abc"\n')
    (tmp_path / "app.py").write_text("x = 1\n")
    proc = run_cli("scan", str(tmp_path), "--scanners", "bandit", "--no-cache")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "baseline-sha256" in proc.stderr and "Traceback" not in proc.stderr
