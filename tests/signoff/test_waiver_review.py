"""A waiver request records the findings it covers, from a real scan's SARIF, and the approver
reads each one before signing: real bandit, git and ssh-keygen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from secsdlc import fingerprint
from secsdlc.cli import main
from secsdlc.signoff import audit, waivers

from .conftest import commit_all
from .world import finding, scanned

APP = """import requests


def fetch(url):
    return requests.get(
        url,
        verify=False,
    )
"""


@pytest.fixture
def scan(repo: Path, make_key, capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    admin, sec = make_key("admin@example.com"), make_key("sec@example.com")
    assert main(["correspondent", "--root", str(repo), "add", admin.principal, str(admin.public),
                 "--key", str(admin.private), "--project", "shop"]) == 0
    assert main(["correspondent", "--root", str(repo), "add", sec.principal, str(sec.public),
                 "--key", str(admin.private)]) == 0
    (repo / "app.py").write_text(APP)
    commit_all(repo, "app")
    sarif = tmp_path / "scan.sarif"
    proc = subprocess.run([sys.executable, "-m", "secsdlc", "scan", "--scanners", "bandit",
                           "--no-cache", "--format", "sarif", "--output", str(sarif), "app.py"],
                          cwd=repo, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "CI": "", "SECSDLC_TRUST_ROOT": ""})
    assert proc.returncode == 1, proc.stderr
    capsys.readouterr()
    return repo, sec, sarif


def _result(sarif: Path, rule: str = "B501") -> dict[str, Any]:
    [result] = [r for r in json.loads(sarif.read_text())["runs"][0]["results"]
                if r["ruleId"] == rule]
    return result


def _expires() -> str:
    return (datetime.now(timezone.utc) + timedelta(days=10)).date().isoformat()


def _request(repo: Path, sarif: Path, *fps: str) -> int:
    args = [a for fp in fps for a in ("--fingerprint", fp)]
    return main(["waiver", "--root", str(repo), "request", "--sarif", str(sarif), *args,
                 "--reason", "internal host with its own CA", "--expires", _expires()])


def _waiver_files(repo: Path) -> list[Path]:
    return sorted((repo / waivers.WAIVER_DIR).glob("*.json"))


def test_request_records_each_finding_and_approve_shows_it_before_signing(
        scan, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, sec, sarif = scan
    result = _result(sarif)
    fp = result["partialFingerprints"]["secsdlc/v2"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert _request(repo, sarif, fp) == 0
    wid = capsys.readouterr().out.split(":")[0]
    data = json.loads(waivers.path_for(repo, wid).read_text())
    [recorded] = data["findings"]
    assert (recorded["fingerprint"], recorded["rule"], recorded["path"], recorded["severity"],
            recorded["start_line"]) == (fp, "B501", "app.py", "high", region["startLine"])
    assert "verify=False" in recorded["snippet"]
    assert recorded["snippet"] == region["snippet"]["text"]
    assert recorded["message"] == result["message"]["text"]

    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(sec.private)]) == 0
    out = capsys.readouterr().out
    shown, _ = out.split(f"{wid}: approved by sec@example.com")
    assert "reason: internal host with its own CA" in shown
    assert "covers 1 finding(s) of B501 in app.py" in shown
    assert f"HIGH B501 at app.py:{recorded['start_line']}" in shown
    assert result["message"]["text"] in shown
    for line in recorded["snippet"].splitlines():
        assert f"    | {line}" in shown
    assert waivers.load(waivers.path_for(repo, wid)).approval is not None


def test_a_fingerprint_computed_offline_for_a_line_not_yet_written_is_refused(
        scan, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo, _sec, sarif = scan
    later = fingerprint.compute("B501", "app.py", fingerprint.normalised(
        "return requests.get(url, verify=False, cert=None)"), 0)
    assert _request(repo, sarif, later) == 2
    err = capsys.readouterr().err
    assert f"no finding with fingerprint {later}" in err and str(sarif) in err
    # nor pasted into the scan beside a finding whose code does not give it
    doc = json.loads(sarif.read_text())
    [result] = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "B501"]
    result["partialFingerprints"]["secsdlc/v2"] = later
    doctored = tmp_path / "doctored.sarif"
    doctored.write_text(json.dumps(doc))
    assert _request(repo, doctored, later) == 2
    err = capsys.readouterr().err
    assert f"fingerprint {later} is not the one its finding's rule, path and code give" in err
    assert len(err.strip().splitlines()) == 1
    assert _waiver_files(repo) == []


def _rewritten(repo: Path, wid: str, change) -> str:  # type: ignore[no-untyped-def]
    """Edit a request's content as a developer with write access can, keeping id and name
    consistent with it; the new id."""
    path = waivers.path_for(repo, wid)
    data = json.loads(path.read_text())
    change(data)
    data.pop("id")
    new_id = waivers.content_id(data)
    path.unlink()
    waivers.path_for(repo, new_id).write_text(json.dumps({"id": new_id, **data}))
    audit.append(repo, action="waiver-request", actor="dev@example.com",
                 data={"waiver": new_id})
    return new_id


def _set_snippet(data: dict[str, Any]) -> None:
    data["findings"][0]["snippet"] = "    return requests.get(url, verify=True)"


def _drop_one(data: dict[str, Any]) -> None:
    data["findings"] = data["findings"][:1]


def _as_version_2(data: dict[str, Any]) -> None:
    data["version"] = 2
    del data["findings"]


@pytest.mark.parametrize(("change", "why"), [
    (_set_snippet, "is not the one the recorded B501 at app.py:7 and its code give"),
    (_drop_one, "records findings for fingerprint(s)"),
    (_as_version_2, "a version 2 request records no findings"),
])
def test_approve_refuses_a_request_whose_records_do_not_match_its_fingerprints(
        scan, capsys, change, why: str) -> None:  # type: ignore[no-untyped-def]
    repo, sec, sarif = scan
    found = [r["partialFingerprints"]["secsdlc/v2"]
             for r in json.loads(sarif.read_text())["runs"][0]["results"]
             if r["ruleId"] == "B501"]
    if change is _drop_one:  # a second finding of the rule in the file
        (repo / "app.py").write_text(APP + "\n\ndef again(url):\n"
                                     "    return requests.get(url, verify=False)\n")
        proc = subprocess.run([sys.executable, "-m", "secsdlc", "scan", "--scanners", "bandit",
                               "--no-cache", "--format", "sarif", "--output", str(sarif),
                               "app.py"], cwd=repo, capture_output=True, text=True,
                              timeout=300, env={**os.environ, "CI": "", "SECSDLC_TRUST_ROOT": ""})
        assert proc.returncode == 1, proc.stderr
        found = [r["partialFingerprints"]["secsdlc/v2"]
                 for r in json.loads(sarif.read_text())["runs"][0]["results"]
                 if r["ruleId"] == "B501"]
        assert len(found) == 2
    assert _request(repo, sarif, *found) == 0
    wid = capsys.readouterr().out.split(":")[0]
    edited = _rewritten(repo, wid, change)
    assert main(["waiver", "--root", str(repo), "approve", edited, "--key",
                 str(sec.private)]) == 2
    captured = capsys.readouterr()
    assert why in captured.err and "refusing to sign" in captured.err, captured.err
    assert "approved by" not in captured.out
    assert waivers.load(waivers.path_for(repo, edited)).approval is None
    assert not any(e.action == "waiver-approve" for e in audit.load(repo).values())


def test_what_the_approver_reads_is_safe_for_a_terminal(repo: Path, make_key, capsys,
                                                         tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin, sec = make_key("admin@example.com"), make_key("sec@example.com")
    assert main(["correspondent", "--root", str(repo), "add", admin.principal, str(admin.public),
                 "--key", str(admin.private), "--project", "shop"]) == 0
    assert main(["correspondent", "--root", str(repo), "add", sec.principal, str(sec.public),
                 "--key", str(admin.private)]) == 0
    capsys.readouterr()
    sarif = tmp_path / "scan.sarif"
    # a line that would erase itself and print a harmless one in its place
    [fp] = scanned(sarif, finding("", rule="B602", path="app/x.py",
                                  snippet="os.system(cmd)\x1b[2K\r# harmless()"))
    assert _request(repo, sarif, fp) == 0
    wid = capsys.readouterr().out.split(":")[0]
    assert main(["waiver", "--root", str(repo), "approve", wid, "--key", str(sec.private)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out
    assert "    | os.system(cmd)\\x1b[2K\\r# harmless()" in out


def test_an_approver_at_a_terminal_is_asked_before_signing(scan, capsys) -> None:  # type: ignore[no-untyped-def]
    repo, sec, sarif = scan
    fp = _result(sarif)["partialFingerprints"]["secsdlc/v2"]
    assert _request(repo, sarif, fp) == 0
    wid = capsys.readouterr().out.split(":")[0]

    def approve(answer: bytes) -> tuple[int, str]:
        primary, secondary = os.openpty()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "secsdlc", "waiver", "--root", str(repo), "approve", wid,
                 "--key", str(sec.private)], stdin=secondary, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT)
            os.write(primary, answer)
            out, _ = proc.communicate(timeout=120)
        finally:
            os.close(primary)
            os.close(secondary)
        return proc.returncode, out.decode()

    code, out = approve(b"n\n")
    assert code == 1 and f"Sign {wid} as sec@example.com? [y/N]" in out, out
    assert "verify=False" in out.split("Sign ")[0]
    assert waivers.load(waivers.path_for(repo, wid)).approval is None
    code, out = approve(b"y\n")
    assert code == 0 and f"{wid}: approved by sec@example.com" in out, out
    assert waivers.load(waivers.path_for(repo, wid)).approval is not None
