"""The result cache: reused when nothing changed, rebuilt when corrupt, safe when shared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

from secsdlc.cache import ResultCache
from secsdlc.config import Config
from secsdlc.engine import ScanPlan, scan
from secsdlc.model import Confidence, Finding, Location, Rule, RuleId, ScannerName, Severity
from secsdlc.scanners.interface import ScannerOutput, ScanRequest
from tests.engine.conftest import run_cli


class CountingScanner:
    """A fake of our own interface that records which files it was asked to scan."""

    name = "counting"
    information_uri = "https://example.invalid"
    options: ClassVar[dict[str, type]] = {}

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def version(self) -> str:
        return "1"

    def applies_to(self, path: str) -> bool:
        return path.endswith(".py")

    def cache_context(self, options: object) -> str:
        return ""

    def scan(self, request: ScanRequest) -> ScannerOutput:
        self.calls.append(request.files)
        findings = tuple(Finding(
            rule_id=RuleId("count.line"), scanners=(ScannerName("counting"),), message="m",
            severity=Severity.HIGH, confidence=Confidence.HIGH, cwe=(20,),
            location=Location(path=p, start_line=1)) for p in request.files)
        rule = Rule(id=RuleId("count.line"), name="count", short_description="count")
        return ScannerOutput(findings=findings, rules={rule.id: rule})


def _plan(root: Path, scanner: CountingScanner, cache_dir: Path) -> ScanPlan:
    return ScanPlan(root=root, paths=(root,), config=Config(), scanners={"counting": scanner},
                    cache=ResultCache(cache_dir))


def test_unchanged_files_are_not_rescanned(project: Any, tmp_path: Path) -> None:
    root = project({"a.py": "x = 1\n", "b.py": "y = 2\n", "c.py": "z = 3\n"})
    scanner = CountingScanner()
    cold = scan(_plan(root, scanner, tmp_path / "cache"))
    assert scanner.calls == [("a.py", "b.py", "c.py")]
    warm = scan(_plan(root, scanner, tmp_path / "cache"))
    assert scanner.calls == [("a.py", "b.py", "c.py")]  # nothing ran the second time
    assert [f.fingerprint for f in warm.findings] == [f.fingerprint for f in cold.findings]

    (root / "b.py").write_text("y = 3\n")
    scan(_plan(root, scanner, tmp_path / "cache"))
    assert scanner.calls[-1] == ("b.py",)


def test_corrupt_and_foreign_entries_are_rebuilt(project: Any, tmp_path: Path) -> None:
    root = project({"a.py": "x = 1\n", "b.py": "y = 2\n"})
    scanner = CountingScanner()
    scan(_plan(root, scanner, tmp_path / "cache"))
    entries = sorted((tmp_path / "cache" / "results").rglob("*.json"))
    assert len(entries) == 2
    entries[0].write_text("{ not json")
    # an entry is its MAC, a newline, then its JSON
    mac, _, payload = entries[1].read_bytes().partition(b"\n")
    doc = json.loads(payload)
    doc["key"] = "0" * 64  # an entry that claims to be something else
    entries[1].write_bytes(mac + b"\n" + json.dumps(doc).encode())
    again = scan(_plan(root, scanner, tmp_path / "cache"))
    assert sorted(scanner.calls[-1]) == ["a.py", "b.py"]
    assert len(again.findings) == 2
    assert all(json.loads(e.read_bytes().partition(b"\n")[2])["key"] != "0" * 64
               for e in entries)


def test_real_scanners_reuse_cache_and_agree(project: Any, tmp_path: Path) -> None:
    root = project({"app.py": "import os\n\ndef f(c):\n    os.system(c)\n",
                    "conf.py": 'password = "Hx8' + 'kq2Lm9xWp"\n'})
    env = {"SECSDLC_CACHE_DIR": str(tmp_path / "c")}
    args = ("scan", str(root), "--scanners", "bandit,semgrep,secrets", "--format", "json")
    cold = json.loads(run_cli(*args, env=env).stdout)
    warm = json.loads(run_cli(*args, env=env).stdout)
    key = lambda d: sorted((f["fingerprint"], f["rule"], f["snippet"]) for f in d["findings"])  # noqa: E731
    assert key(warm) == key(cold) and key(cold)
    # the cache holds no secret
    blob = "".join(p.read_text() for p in (tmp_path / "c").rglob("*.json"))
    assert "kq2Lm9xWp" not in blob
    # warm: semgrep was not started at all
    assert {s["name"]: s["durationSeconds"] for s in warm["scanners"]}["semgrep"] < 1.0


def test_concurrent_runs_share_the_cache(project: Any, tmp_path: Path) -> None:
    root = project({f"m{i}.py": f"import subprocess\nx = {i}\n" for i in range(30)})
    env = {**os.environ, "SECSDLC_CACHE_DIR": str(tmp_path / "c")}
    cmd = [sys.executable, "-m", "secsdlc", "scan", str(root), "--scanners", "bandit",
           "--format", "json", "--fail-on", "critical"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outputs]
    counts = {len(json.loads(out)["findings"]) for out, _ in outputs}
    assert counts == {30}
    for entry in (tmp_path / "c" / "results").rglob("*"):
        if entry.is_file():
            assert entry.suffix == ".json"  # no temporary file left behind
            json.loads(entry.read_bytes().partition(b"\n")[2])
