"""Online mode through pip-audit's services: an unreachable service is a failure, never clean.

No test reaches the internet: the services are pointed at a closed local port, or at a small local
server that answers OSV's query API the way api.osv.dev does.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from secsdlc.model import NotificationKind, Severity
from secsdlc.scanners.interface import ScannerOutput

from .conftest import osv_record

REQS = {"requirements.txt": "vuln-pkg==1.2\nsafe-pkg==2.0\nloose>=1\n"}


def failures(out: ScannerOutput) -> list[str]:
    return [n.message for n in out.notifications if n.kind is NotificationKind.SCANNER_FAILURE]


def test_unreachable_osv_is_a_failure_not_a_clean_result(
    scan: Callable[..., ScannerOutput], closed_port: int
) -> None:
    out = scan(REQS, **{"vuln-source": "osv",
                        "osv-url": f"http://127.0.0.1:{closed_port}/v1/query"})
    [failure] = failures(out)
    assert failure.startswith("requirements.txt: not audited (osv): ")
    assert "vuln-pkg==1.2 (line 1)" in failure and "safe-pkg==2.0 (line 2)" in failure
    assert "ConnectionError" in failure
    # Only the unpinned line, which needs no service, produced a finding.
    assert [f.rule_id for f in out.findings] == ["secsdlc.deps.unpinned-requirement"]


def test_unreachable_pypi_is_a_failure(
    scan: Callable[..., ScannerOutput], closed_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Route pypi.org through a proxy that refuses connections: no packet leaves the machine.
    for var in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
    for var in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(var, f"http://127.0.0.1:{closed_port}")
    out = scan(REQS, **{"vuln-source": "pypi"})
    found = failures(out)
    assert found and all("not audited (pypi)" in m for m in found)
    text = "\n".join(found)
    assert "vuln-pkg==1.2 (line 1)" in text and "safe-pkg==2.0 (line 2)" in text
    assert [f.rule_id for f in out.findings] == ["secsdlc.deps.unpinned-requirement"]


class _OsvHandler(BaseHTTPRequestHandler):
    answers: ClassVar[dict[tuple[str, str], list[dict[str, object]]]] = {}

    def do_POST(self) -> None:
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        key = (query["package"]["name"], query["version"])
        vulns = self.answers.get(key, [])
        body = json.dumps({"vulns": vulns} if vulns else {}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def osv_server() -> Iterator[str]:
    _OsvHandler.answers = {
        ("vuln-pkg", "1.2"): [osv_record(
            "GHSA-1111-2222-3333", "vuln-pkg", events=[{"introduced": "0"}, {"fixed": "1.3"}],
            aliases=["CVE-2099-1"], summary="remote code execution")],
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OsvHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1/query"
    server.shutdown()
    server.server_close()


def test_osv_answers_become_findings_scored_from_the_local_database(
    scan: Callable[..., ScannerOutput], osv_server: str, make_db: Callable[..., Path]
) -> None:
    db = make_db(osv_record(
        "PYSEC-2099-1", "vuln-pkg", events=[{"introduced": "0"}, {"fixed": "1.3"}],
        aliases=["CVE-2099-1", "GHSA-1111-2222-3333"],
        severity=[{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]))
    out = scan(REQS, db=str(db), **{"vuln-source": "osv", "osv-url": osv_server})
    assert failures(out) == []
    vulns = [f for f in out.findings if f.rule_id != "secsdlc.deps.unpinned-requirement"]
    [f] = vulns
    assert f.rule_id == "PYSEC-2099-1"  # the PYSEC alias is preferred as the primary id
    assert f.properties["aliases"] == "PYSEC-2099-1,GHSA-1111-2222-3333,CVE-2099-1"
    assert f.properties["fixed-in"] == "1.3"
    assert f.fix_hint == "upgrade vuln-pkg to 1.3 or later"
    assert f.severity is Severity.CRITICAL
    assert f.location.start_line == 1
