"""A waiver, a baseline entry or a diff-aware "unchanged" covers the finding a reviewer judged:
every line of its region and its severity, not only its first line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from tests.enforce.conftest import Key, commit_all, git, run_cli, scan, scan_repo

# one call flagged over nine lines, more than a report's snippet shows
LONG_CALL = """import requests


def fetch(url):
    return requests.get(
        url,
        headers={"accept": "json"},
        params={"page": 1},
        allow_redirects=True,
        stream=False,
        verify=False,
        timeout=5,
    )
"""
SHELL = ("import subprocess\n\nCMD = {source}\n\n\n"
         "def run():\n    return subprocess.call(CMD, shell=True)\n")


def _blocking(out: Any) -> list[dict[str, Any]]:
    return [f for f in out.doc["findings"] if f["severity"] in ("high", "critical")
            and not f["suppressed"] and f["baselineState"] not in ("unchanged", "absent")]


def _waive_all(root: Path, alice: Key, findings: list[dict[str, Any]], *,
               version: int = 2, key: str = "fingerprint") -> None:
    from secsdlc.model import Severity
    from secsdlc.signoff import audit, waivers
    from tests.signoff.world import approve, request

    for f in findings:
        w = request(root, f[key], rule=f["rule"], path=f["path"],
                    severity=Severity.parse(f["severity"]))
        if version != w.version:
            (root / waivers.WAIVER_DIR / f"{w.id}.json").unlink()
            w = replace(w, version=version)
            w = replace(w, id=waivers.content_id(w.request_content()))
            waivers.save(root, w)
            audit.append(root, action="waiver-request", actor=w.requester,
                         data={"waiver": w.id})
        approve(root, w, alice)
    commit_all(root, "waivers")


def test_waived_multi_line_finding_whose_later_line_changed(signed_repo: tuple[Path, Key],
                                                            mode: str) -> None:
    root, alice = signed_repo
    (root / "app.py").write_text(LONG_CALL)
    commit_all(root, "long call")
    first = scan_repo("enforce", root, alice, scanners="bandit,semgrep")
    flagged = _blocking(first)
    assert {f["path"] for f in flagged} == {"app.py"} and any(
        f["startLine"] == 5 and f["endLine"] == 13 for f in flagged), flagged
    _waive_all(root, alice, flagged)
    waived = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    # waivers count only with a trust root, which is enforce mode
    assert waived.rc == (0 if mode == "enforce" else 1), _blocking(waived)

    # re-indenting the call changes no fingerprint: whitespace is not what was judged
    (root / "app.py").write_text(LONG_CALL.replace("\n        ", "\n            "))
    commit_all(root, "re-indented")
    assert scan_repo(mode, root, alice, scanners="bandit,semgrep").rc == waived.rc

    # the ninth line of the region, beyond what the snippet shows, is judged too
    (root / "app.py").write_text(LONG_CALL.replace("timeout=5", "timeout=None"))
    commit_all(root, "no timeout")
    changed = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    assert changed.rc == 1
    assert any(f["startLine"] == 5 and f["endLine"] == 13 for f in _blocking(changed))


def test_finding_that_rose_from_info_to_high_in_a_diff_aware_scan(project: Any,
                                                                  mode: str) -> None:
    # the flagged line does not change; the line that makes its input constant does
    root = project({"app.py": SHELL.format(source='"ls -l"')})
    for args in (("init", "-q", "-b", "main"), ("config", "user.email", "dev@example.com"),
                 ("config", "commit.gpgsign", "false")):
        git(root, *args)
    commit_all(root, "constant command")
    (root / "app.py").write_text(SHELL.format(source="input()"))
    out = scan(mode, root, str(root), "--diff-base", "main", scanners="bandit,taint")
    [risen] = [f for f in out.doc["findings"] if f["rule"] == "B602"]
    assert risen["severity"] == "high" and risen["baselineState"] == "updated", risen
    assert out.rc == 1


def test_baseline_keyed_by_first_lines_is_migrated_one_to_one(signed_repo: tuple[Path, Key],
                                                              mode: str,
                                                              tmp_path: Path) -> None:
    root, alice = signed_repo
    # two identical findings share a first line: which one a first-line key named is not known
    twice = "\n\ndef again(url):\n    return requests.get(url, verify=False)\n"
    (root / "app.py").write_text(LONG_CALL)
    (root / "twice.py").write_text("import requests\n" + twice + twice)
    commit_all(root, "findings")
    sarif = tmp_path / "scan.sarif"
    first = scan_repo(mode, root, alice, "--sarif", str(sarif), scanners="bandit,semgrep")
    results = [r for run in json.loads(sarif.read_text())["runs"] for r in run["results"]]
    old = tmp_path / "baseline-v1.json"
    old.write_text(json.dumps({"secsdlc-baseline": 1, "findings": {
        r["partialFingerprints"]["secsdlc/v1"]: {
            "rule": r["ruleId"], "path": r["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"], "severity": r["properties"]["severity"]}
        for r in results}}))
    refused = scan_repo(mode, root, alice, "--baseline", str(old), scanners="bandit,semgrep")
    assert refused.rc == 2 and "secsdlc baseline migrate" in refused.stderr

    new = tmp_path / "baseline-v2.json"
    flags = ["--enforce"] if mode == "enforce" else []
    proc = run_cli("baseline", "migrate", str(root), "--scanners", "bandit,semgrep",
                   "--no-cache", "--baseline", str(old), "-o", str(new), *flags,
                   env={"SECSDLC_TRUST_ROOT": alice.fingerprint} if flags else None)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    stale = [line for line in proc.stdout.splitlines() if line.startswith("stale")]
    assert stale and all("twice.py" in line for line in stale), proc.stdout
    assert json.loads(new.read_text())["secsdlc-baseline"] == 2
    migrated = scan_repo(mode, root, alice, "--baseline", str(new), scanners="bandit,semgrep")
    # app.py's findings were re-keyed; twice.py's block until baselined again
    assert migrated.rc == 1
    assert {f["path"] for f in _blocking(migrated)} == {"twice.py"}
    assert len(_blocking(first)) > len(_blocking(migrated))


def test_waiver_keyed_by_a_first_line(signed_repo: tuple[Path, Key], mode: str) -> None:
    root, alice = signed_repo
    (root / "app.py").write_text(LONG_CALL)
    commit_all(root, "long call")
    first = scan_repo("enforce", root, alice, "--sarif", str(root.parent / "s.sarif"),
                      scanners="bandit,semgrep")
    sarif = json.loads((root.parent / "s.sarif").read_text())
    lifecycle = {r["partialFingerprints"]["secsdlc/v2"]: r["partialFingerprints"]["secsdlc/v1"]
                 for run in sarif["runs"] for r in run["results"]}
    _waive_all(root, alice, [{**f, "v1": lifecycle[f["fingerprint"]]} for f in _blocking(first)],
               version=1, key="v1")
    rekeyed = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    assert rekeyed.rc == (0 if mode == "enforce" else 1), _blocking(rekeyed)
    if mode == "enforce":
        assert any("by its first line only" in n["message"] and "renew" in n["message"]
                   for n in rekeyed.notes)
    # a second identical finding: the first-line key names no single finding, nothing is waived
    (root / "app.py").write_text(LONG_CALL + LONG_CALL.replace("import requests\n", "")
                                 .replace("def fetch", "def fetch_again"))
    commit_all(root, "twice")
    stale = scan_repo(mode, root, alice, scanners="bandit,semgrep")
    assert stale.rc == 1
    if mode == "enforce":
        assert any("stale" in n["message"] for n in stale.notes)
        assert not any(f["suppressed"] for f in stale.doc["findings"])
