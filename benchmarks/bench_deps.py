"""Benchmark of the dependency audit: database import and auditing 500 pinned requirements.

    python benchmarks/bench_deps.py [--osv DIR] [--django DIR] [--runs N]

--osv     the PyPA advisory database (default ../shared/data/osv-pypa; it is
          github.com/pypa/advisory-database, CC-BY-4.0)
--django  a Django source tree whose manifests are audited too (default
          ../bench/django-5.2.8; get it with
          `pip download --no-deps --no-binary :all: django==5.2.8` and unpack it)

Prints the median of several runs of each step, side by side with the underlying tools in the same
run: the import against a bare YAML parse of the same records (the floor any importer pays), and
the audit against pip-audit (`-r FILE --no-deps --disable-pip -s osv`) pointed at a local OSV API
served from the same database, so both audit the same 500 requirements against the same data
without the internet.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from secsdlc.deps import store
from secsdlc.deps.audit import audit
from secsdlc.deps.interface import Dependency, PackageName
from secsdlc.deps.matcher import affects, parse_version
from secsdlc.process import run, which
from secsdlc.scanners.deps import DepsScanner
from secsdlc.scanners.interface import ScanRequest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import timed_median

HERE = Path(__file__).resolve().parent
WORK = HERE.parent.parent


def yaml_floor(vulns: Path) -> None:
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    for path in vulns.rglob("*.yaml"):
        # secsdlc: ignore[B506] a BaseLoader: strings only
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def five_hundred_pins(db: store.Store) -> list[tuple[str, str]]:
    """500 (package, version) pairs from the database: vulnerable and fixed versions mixed."""
    pins: list[tuple[str, str]] = []
    for package in db.packages():
        versions = sorted(
            {v for _, e in db.affected(package) for r in e.ranges for _, v in r.events
             if v != "0" and parse_version(v) is not None},
            key=lambda v: parse_version(v),  # type: ignore[arg-type, return-value]
        )
        if versions:
            pins.append((package, versions[len(versions) // 2]))
        if len(pins) == 500:
            break
    return pins


class _OsvApi(BaseHTTPRequestHandler):
    """OSV's /v1/query, answered from the local database (for pip-audit and our online mode)."""

    db_path: Path

    def do_POST(self) -> None:
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        name, version = query["package"]["name"], query["version"]
        with store.Store(self.db_path) as db:
            vulns = []
            for advisory, entry in db.affected(PackageName(name)):
                try:
                    hit = affects(entry, version)
                except Exception:
                    continue
                if hit:
                    vulns.append({
                        "id": advisory.id, "aliases": list(advisory.aliases),
                        "summary": advisory.summary, "details": advisory.details,
                        "modified": advisory.modified,
                        "affected": [{
                            "package": {"ecosystem": "PyPI", "name": name},
                            "ranges": [{"type": r.type, "events": [{k: v} for k, v in r.events]}
                                       for r in entry.ranges],
                            "versions": list(entry.versions),
                        }],
                    })
        body = json.dumps({"vulns": vulns} if vulns else {}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--osv", type=Path, default=WORK / "shared" / "data" / "osv-pypa")
    parser.add_argument("--django", type=Path, default=WORK / "bench" / "django-5.2.8")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    vulns = args.osv / "vulns" if (args.osv / "vulns").is_dir() else args.osv
    if not vulns.is_dir():
        print(f"no OSV records at {vulns}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db_path = tmp / "pypi.sqlite3"
        print(f"runs per step: {args.runs} (medians; all runs in seconds)\n")

        imp, imp_all = timed_median(args.runs, lambda: store.build(vulns, db_path))
        floor, _ = timed_median(args.runs, lambda: yaml_floor(vulns))
        with store.Store(db_path) as db:
            info = db.info()
            pins = five_hundred_pins(db)
        print(f"import of the PyPA database ({info.records} records): median {imp:.2f} s "
              f"(target <= 10 s)  runs {[round(t, 2) for t in imp_all]}")
        print(f"  bare YAML parse of the same files:       median {floor:.2f} s  "
              f"ratio import/parse = {imp / floor:.2f}")

        repo = tmp / "repo"
        repo.mkdir()
        (repo / "requirements.txt").write_text(
            "".join(f"{name}=={version}\n" for name, version in pins), encoding="utf-8")
        scanner = DepsScanner()
        request = ScanRequest(root=repo, files=("requirements.txt",),
                              options={"db": str(db_path)})
        out = scanner.scan(request)  # warm the page cache and the version cache
        failures = [n for n in out.notifications if n.kind.value == "scanner-failure"]
        scan_t, scan_all = timed_median(max(args.runs, 7), lambda: scanner.scan(request))
        deps = [Dependency(name=PackageName(n), path="r", line=i, version=v)
                for i, (n, v) in enumerate(pins, 1)]

        def match_only() -> None:
            with store.Store(db_path) as db:
                audit(db, deps)

        match_t, _ = timed_median(max(args.runs, 7), match_only)
        print(f"\naudit of {len(pins)} pinned requirements, warm database: median {scan_t:.3f} s "
              f"(target <= 1 s)  runs {[round(t, 3) for t in scan_all]}")
        print(f"  findings {len(out.findings)}, failures {len(failures)} "
              "(records whose ranges cannot be evaluated)")
        print(f"  of which matching alone (open DB + match):  median {match_t:.3f} s")

        def unpack() -> None:
            target = tmp / "fresh" / "pypi.sqlite3"
            if target.exists():
                target.unlink()
            store.install_snapshot(target)

        unpack_t, _ = timed_median(args.runs, unpack)
        print(f"  first use on a fresh install, unpacking the shipped snapshot: median "
              f"{unpack_t:.3f} s (once)")

        _OsvApi.db_path = db_path
        server = ThreadingHTTPServer(("127.0.0.1", 0), _OsvApi)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/v1/query"
        online = ScanRequest(root=repo, files=("requirements.txt",),
                             options={"db": str(db_path), "vuln-source": "osv", "osv-url": url})
        online_runs = max(1, min(args.runs, 3))
        ours_online, _ = timed_median(online_runs, lambda: scanner.scan(online))
        print(f"  secsdlc --vuln-source osv (local OSV API):  median {ours_online:.3f} s")
        pip_audit = which("pip-audit")
        if pip_audit:
            cmd = [pip_audit, "-r", str(repo / "requirements.txt"), "--no-deps", "--disable-pip",
                   "-s", "osv", "--osv-url", url, "--progress-spinner", "off",
                   "--cache-dir", str(tmp / "pip-audit-cache"), "-f", "json"]
            rc_out: list[tuple[int, str, str]] = []
            pa, _ = timed_median(online_runs, lambda: rc_out.append(run(cmd, timeout=600)))
            rc, stdout, _ = rc_out[-1]
            try:
                found = sum(len(d.get("vulns", [])) for d in json.loads(stdout)["dependencies"])
            except (ValueError, KeyError):
                found = -1
            print(f"  pip-audit -s osv (same local OSV API):      median {pa:.3f} s "
                  f"(rc {rc}, {found} vulnerabilities)  ratio secsdlc offline/pip-audit = "
                  f"{scan_t / pa:.3f}")
        server.shutdown()
        server.server_close()

        if args.django.is_dir():
            files = tuple(
                p.relative_to(args.django).as_posix() for p in sorted(args.django.rglob("*"))
                if p.is_file() and scanner.applies_to(p.relative_to(args.django).as_posix())
            )
            req = ScanRequest(root=args.django, files=files, options={"db": str(db_path)})
            dj, _ = timed_median(max(args.runs, 7), lambda: scanner.scan(req))
            out = scanner.scan(req)
            print(f"\nDjango 5.2.8 tree: {len(files)} manifests, {len(out.findings)} findings, "
                  f"{sum(1 for n in out.notifications if n.kind.value == 'scanner-failure')} "
                  f"failures: median {dj:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
