"""The taint analysis on small projects written the way applications are: each test has a
vulnerable shape and a safe twin, and asserts on where the result lands and the path it gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from secsdlc.model import NotificationKind
from secsdlc.scanners.interface import ScannerError, ScanRequest
from secsdlc.scanners.taint import TaintScanner


def scan(root: Path, files: dict[str, str], **options: object) -> object:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return TaintScanner().scan(ScanRequest(root=root, files=tuple(sorted(files)),
                                           options=options))


def marked(files: dict[str, str], mark: str) -> set[tuple[str, int]]:
    """Lines the test marks with a trailing `# <mark>` comment: where results must land."""
    return {(name, n) for name, text in files.items()
            for n, line in enumerate(textwrap.dedent(text).splitlines(), start=1)
            if line.rstrip().endswith(f"# {mark}")}


def lines_of(output: object, rule_part: str) -> set[tuple[str, int]]:
    return {(f.location.path, f.location.start_line) for f in output.findings  # type: ignore
            if rule_part in f.rule_id}


def test_constant_condition_drops_the_branch_that_never_runs(tmp_path: Path) -> None:
    files = {"app.py": """
        import os
        from flask import Flask, request
        app = Flask(__name__)

        @app.route("/a")
        def a():
            param = request.args.get("x", "")
            num = 86
            if 7 * 42 - num > 200:
                bar = "safe"
            else:
                bar = param
            os.system("echo " + bar)
            return "ok"

        @app.route("/b")
        def b():
            param = request.args.get("x", "")
            num = 106
            if 7 * 42 - num > 200:
                bar = "safe"
            else:
                bar = param
            os.system("echo " + bar)  # cmdi
            return "ok"
        """}
    assert lines_of(scan(tmp_path, files), "command") == marked(files, "cmdi")


def test_taint_belongs_to_the_element_not_the_container(tmp_path: Path) -> None:
    files = {"app.py": """
        import sqlite3
        from flask import Flask, request
        app = Flask(__name__)
        db = sqlite3.connect("app.db")

        @app.route("/list")
        def from_list():
            values = []
            values.append("safe")
            values.append(request.args["q"])
            values.pop(0)
            db.execute("SELECT * FROM t WHERE a = '" + values[0] + "'")  # sqli
            return "ok"

        @app.route("/dict")
        def from_dict():
            d = {"k1": request.args["q"], "k2": "constant"}
            db.execute("SELECT * FROM t WHERE a = '" + d["k2"] + "'")
            db.execute("SELECT * FROM t WHERE a = '%s'" % d.get("k1"))  # sqli
            return "ok"
        """}
    assert lines_of(scan(tmp_path, files), "sql") == marked(files, "sqli")


def test_flow_through_helpers_in_other_modules_carries_its_path(tmp_path: Path) -> None:
    files = {
        "shop/__init__.py": "",
        "shop/util.py": """
            import subprocess

            def run(cmd):
                return subprocess.run(cmd, shell=True, capture_output=True)  # sink
            """,
        "shop/web.py": """
            from flask import Flask, request
            from .util import run
            import shlex
            app = Flask(__name__)

            @app.route("/ping")
            def ping():
                host = request.args["host"]  # source
                return run("ping -c1 " + host).stdout  # cmdi

            @app.route("/ping-quoted")
            def ping_quoted():
                host = request.args["host"]
                return run("ping -c1 " + shlex.quote(host)).stdout
            """}
    out = scan(tmp_path, files)
    found = [f for f in out.findings if "command" in f.rule_id]  # type: ignore[attr-defined]
    (sink,) = marked(files, "sink")
    (call,) = marked(files, "cmdi")
    (source,) = marked(files, "source")
    # the finding is the view's, where it hands the request data to the helper
    assert [(f.location.path, f.location.start_line) for f in found] == [call]
    steps = [(s.location.path, s.location.start_line) for s in found[0].flow]
    assert steps[0] == source
    assert steps.index(call) < steps.index(("shop/util.py", sink[1] - 1))  # entering run(cmd)
    assert steps[-1] == sink
    assert "run(cmd)" in found[0].properties["path"]
    assert found[0].properties["sink"] == f"{sink[0]}:{sink[1]}"


def test_guards_sanitize_what_follows_and_only_for_their_kind(tmp_path: Path) -> None:
    files = {"app.py": """
        import html, os, re, sqlite3
        from flask import Flask, request, abort
        app = Flask(__name__)
        ALLOWED = ("daily", "weekly")

        @app.route("/1")
        def allow_listed():
            period = request.args["p"]
            if period not in ALLOWED:
                abort(400)
            os.system("report " + period)

        @app.route("/2")
        def prefix_match():
            name = request.args["n"]
            if not re.match(r"[a-z]+", name):
                return "bad"
            os.system("report " + name)  # cmdi

        @app.route("/3")
        def full_match():
            name = request.args["n"]
            if not re.fullmatch(r"[a-z]+", name):
                return "bad"
            os.system("report " + name)

        @app.route("/4")
        def wrong_kind():
            name = html.escape(request.args["n"])
            sqlite3.connect("x").execute("SELECT 1 WHERE a = '" + name + "'")  # sqli

        @app.route("/5")
        def membership_of_request():
            name = request.args.get("n")
            if name in request.args:
                os.system("report " + name)  # cmdi
        """}
    out = scan(tmp_path, files)
    assert lines_of(out, "command") == marked(files, "cmdi")
    assert lines_of(out, "sql") == marked(files, "sqli")


def test_http_server_handlers_and_json_responses(tmp_path: Path) -> None:
    files = {"server.py": """
        import json
        from http.server import BaseHTTPRequestHandler
        from urllib.parse import parse_qs, urlparse

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                query = parse_qs(urlparse(self.path).query)
                name = query.get("name", [""])[0]
                if self.path.startswith("/api"):
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(json.dumps({"name": name}).encode())
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(("<h1>" + name + "</h1>").encode())  # xss
        """}
    assert lines_of(scan(tmp_path, files), "scripting") == marked(files, "xss")


def test_a_file_that_does_not_parse_is_named_and_the_rest_analysed(tmp_path: Path) -> None:
    files = {
        "broken.py": "def f(:\n    pass\n",
        "app.py": """
            import os
            from flask import request
            def view():
                os.system(request.args["c"])  # cmdi
            """}
    out = scan(tmp_path, files)
    notes = [n for n in out.notifications if n.path == "broken.py"]  # type: ignore
    assert notes and notes[0].kind is NotificationKind.SKIPPED_FILE
    assert "does not parse" in notes[0].message
    assert lines_of(out, "command") == marked(files, "cmdi")


def test_user_models_extend_the_bundled_ones(tmp_path: Path) -> None:
    files = {"app.py": """
        from flask import request
        from vendor.shell import run_remote

        def view():
            run_remote("host", request.args["c"])  # cmdi
        """,
        "models.yaml": """
        version: 1
        sinks:
          - {ref: vendor.shell.run_remote, kind: cmdi, args: [1]}
        """}
    assert not lines_of(scan(tmp_path, files), "command")
    out = scan(tmp_path, files, models=["models.yaml"])
    assert lines_of(out, "command") == marked({"app.py": files["app.py"]}, "cmdi")
    (tmp_path / "bad.yaml").write_text("sinks:\n  - {ref: x, kind: nosuchkind}\n")
    with pytest.raises(ScannerError, match="nosuchkind"):
        scan(tmp_path, {}, models=["bad.yaml"])
    (tmp_path / "bad.yaml").write_text("types: [requests.get]\n")
    with pytest.raises(ScannerError, match="types: expected a mapping"):
        scan(tmp_path, {}, models=["bad.yaml"])
    (tmp_path / "bad.yaml").write_text("wrappers: {x.Request: {arg: first}}\n")
    with pytest.raises(ScannerError, match=r"wrappers\.x\.Request"):
        scan(tmp_path, {}, models=["bad.yaml"])


def _secsdlc() -> str:
    exe = Path(sys.executable).parent / "secsdlc"
    return str(exe)


def _bandit_and_taint(root: Path) -> dict[str, Any]:
    """The SARIF of a real `secsdlc scan` with bandit and the analysis, expected to block."""
    env = {**os.environ, "SECSDLC_CACHE_DIR": str(root / "cache")}
    proc = subprocess.run([_secsdlc(), "scan", str(root), "--scanners", "bandit,taint",
                           "--format", "sarif", "--no-cache"], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_bandit_is_lowered_only_where_the_analysis_proved_the_call_safe(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent("""
        import subprocess
        from flask import Flask, request
        app = Flask(__name__)

        @app.route("/a")
        def a():
            subprocess.call("ls -l /srv", shell=True)
            subprocess.call("ls " + request.args["d"], shell=True)
            return "ok"

        def unknown(cmd):
            subprocess.call(cmd, shell=True)
        """))
    sarif = _bandit_and_taint(tmp_path)
    by_line: dict[int, list[dict[str, object]]] = {}
    for run in sarif["runs"]:
        for result in run["results"]:
            line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
            by_line.setdefault(line, []).append(result)
    constant = [r for r in by_line[8] if r["ruleId"] == "B602"]
    assert constant and constant[0]["properties"]["severity"] == "info"
    assert "taint analysis" in constant[0]["properties"]["downranked"]
    tainted = by_line[9]
    assert len(tainted) == 1 and tainted[0]["ruleId"].startswith("secsdlc.taint.")
    assert "B602" in tainted[0]["properties"]["relatedRules"]
    assert tainted[0]["codeFlows"][0]["threadFlows"][0]["locations"]
    unproven = [r for r in by_line[13] if r["ruleId"] == "B602"]
    assert unproven and unproven[0]["properties"]["severity"] == "high"


def test_what_could_not_be_analysed_is_named_never_passed_as_safe(tmp_path: Path) -> None:
    files = {
        "deep.py": "x = " + "+".join(["1"] * 100_000) + "\n",
        "app.py": """
            import os
            from flask import request

            def view():
                name = request.args["n"]
                for i in range(10):
                    name = name + str(i)
                os.system("echo " + name)
            """,
    }
    out = scan(tmp_path, files, budget=25)
    notes = {(n.path, n.kind) for n in out.notifications}  # type: ignore[attr-defined]
    assert ("deep.py", NotificationKind.SKIPPED_FILE) in notes
    budget = [n for n in out.notifications  # type: ignore[attr-defined]
              if n.path == "app.py" and "view" in n.message]
    assert budget and "budget" in budget[0].message
    assert budget[0].kind is NotificationKind.WARNING
    # the call in the function over budget proves nothing: bandit would keep its severity
    assert not any(c.proven_safe for c in out.analysed_calls  # type: ignore[attr-defined]
                   if c.path == "app.py")


TEST_CODE_FILES = {
    "shop/__init__.py": "",
    "shop/views.py": """
        from flask import Flask, request
        from tests.fixtures import lookup
        app = Flask(__name__)

        @app.route("/item")
        def item():
            return lookup(request.args["name"])  # called
        """,
    "tests/__init__.py": "",
    "tests/fixtures.py": """
        import sqlite3

        def lookup(name):
            db = sqlite3.connect(":memory:")
            return str(db.execute("SELECT * FROM items WHERE name = '" + name + "'"))
        """,
    "tests/test_app.py": """
        import os
        from flask import Flask, request
        app = Flask(__name__)

        @app.route("/debug")
        def debug():
            os.system("echo " + request.args["x"])  # own
            return "ok"
        """,
}


def test_test_code_is_read_where_application_code_calls_it_but_is_no_entry_point(
        tmp_path: Path) -> None:
    out = scan(tmp_path / "a", TEST_CODE_FILES)
    assert lines_of(out, "sql") == marked(TEST_CODE_FILES, "called")
    assert lines_of(out, "command") == set()
    notes = [n.message for n in out.notifications]  # type: ignore[attr-defined]
    assert any("3 file(s) of test code" in n for n in notes), notes
    everything = scan(tmp_path / "b", TEST_CODE_FILES, **{"test-roots": True})
    assert lines_of(everything, "command") == marked(TEST_CODE_FILES, "own")
    with pytest.raises(ScannerError, match="test-roots"):
        scan(tmp_path / "c", TEST_CODE_FILES, **{"test-roots": "yes"})


def test_a_call_cut_short_under_one_stack_does_not_decide_it_under_another(
        tmp_path: Path) -> None:
    # `a` reaches command() with pick() already on the stack, so command's own call of pick()
    # is not followed and its result is taken as tainted; `b` calls command() directly, where
    # pick() returns a constant. What `a` computed must not be reused for `b`.
    files = {"app.py": """
        import os
        from flask import Flask, request
        app = Flask(__name__)

        def pick(value, deep):
            if deep:
                return command(value)
            return "uptime"

        def command(req):
            return pick(req.args["c"], False)

        @app.route("/a")
        def a():
            os.system(pick(request, True))  # cut
            return "ok"

        @app.route("/b")
        def b():
            os.system(command(request))
            return "ok"
        """}
    out = scan(tmp_path, files)
    assert lines_of(out, "command") == marked(files, "cut")


def test_a_pattern_tools_result_on_a_helpers_sink_joins_each_handlers_finding(
        tmp_path: Path) -> None:
    """The analysis reports each handler where it hands its data to the helper; bandit's result
    on the helper's `eval` and the analysis's second sink behind the same call (the `compile`
    before it) are that problem, not findings of their own."""
    (tmp_path / "rules.py").write_text(textwrap.dedent("""
        def evaluate(expression, facts):
            code = compile(expression, "<rule>", "eval")
            return bool(eval(code, {"__builtins__": {}}, dict(facts)))
        """))
    (tmp_path / "app.py").write_text(textwrap.dedent("""
        from flask import Flask, request
        from rules import evaluate
        app = Flask(__name__)

        @app.post("/rules/try")
        def try_rule():
            return {"ok": evaluate(request.form["expr"], {"risk": 3})}

        @app.post("/rules/builtin")
        def builtin_rule():
            return {"ok": evaluate("risk > 2", {"risk": int(request.form["risk"])})}
        """))
    sarif = _bandit_and_taint(tmp_path)
    results = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["properties"].get("relatedRules", []))
               for run in sarif["runs"] for r in run["results"]]
    assert results == [("secsdlc.taint.code-injection", "app.py", 8, ["B307"])], results


def test_a_query_built_from_safe_parts_lowers_bandit_where_it_is_built(tmp_path: Path) -> None:
    """bandit flags SQL text assembled by formatting on the line it is built, which is often not
    the line that runs it; the analysis judges that line too, and only lowers what it proved."""
    (tmp_path / "db.py").write_text(textwrap.dedent("""
        import sqlite3

        def query(sql):
            return sqlite3.connect("app.db").execute(sql).fetchall()
        """))
    (tmp_path / "app.py").write_text(textwrap.dedent("""
        from flask import Flask, request
        from db import query
        app = Flask(__name__)
        STATES = ("open", "closed")

        @app.route("/a")
        def by_id():
            limit = int(request.args["limit"])
            return str(query("SELECT id FROM t WHERE n < %d" % limit))

        @app.route("/b")
        def by_state():
            state = request.args["state"]
            if state not in STATES:
                return "no"
            kind, order = request.args["kind"], request.args["order"]
            if not kind.isalnum() or order not in ("asc", "desc"):
                return "no"
            return str(query("SELECT id FROM t WHERE s = '%s' AND k = '%s' ORDER BY %s"
                             % (state, kind, order)))

        @app.route("/c")
        def by_name():
            return str(query("SELECT id FROM t WHERE name = '" + request.args["n"] + "'"))

        def unused(name):
            return query(f"SELECT id FROM t WHERE name = '{name}'")
        """))
    sarif = _bandit_and_taint(tmp_path)
    b608 = {r["locations"][0]["physicalLocation"]["region"]["startLine"]:
            r["properties"]["severity"]
            for run in sarif["runs"] for r in run["results"] if r["ruleId"] == "B608"}
    assert b608[10] == "info"  # an int
    assert b608[20] == "info"  # an allow-list, a guard, a constant tuple of choices
    assert b608[28] == "medium"  # never called: nothing proved
    taint = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              r["locations"][0]["physicalLocation"]["region"]["startLine"]): r
             for run in sarif["runs"] for r in run["results"]
             if r["ruleId"].startswith("secsdlc.taint.sql")}
    # the flow from /c, reported where the view hands the request's text to the query, is
    # the same problem as bandit's finding on that line: one finding
    assert set(taint) == {("app.py", 25)}
    assert "B608" in taint[("app.py", 25)]["properties"]["relatedRules"]
    assert taint[("app.py", 25)]["properties"]["sink"] == "db.py:5"
    assert 25 not in b608


def test_a_call_made_safely_lowers_the_other_tools_there(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent("""
        import yaml
        from flask import Flask, request
        app = Flask(__name__)
        LOADERS = {"legacy": yaml.Loader, "layout": yaml.SafeLoader}

        @app.post("/layout")
        def layout():
            kind = "legacy" if "layout".startswith("legacy") else "layout"
            return str(yaml.load(request.form["layout"], Loader=LOADERS[kind]))

        @app.post("/legacy")
        def legacy():
            kind = "legacy" if "legacy_layout".startswith("legacy") else "layout"
            return str(yaml.load(request.form["layout"], Loader=LOADERS[kind]))
        """))
    sarif = _bandit_and_taint(tmp_path)
    by_line: dict[int, list[dict[str, Any]]] = {}
    for run in sarif["runs"]:
        for result in run["results"]:
            line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
            by_line.setdefault(line, []).append(result)
    safe = [r for r in by_line[10] if r["ruleId"] == "B506"]
    assert safe and safe[0]["properties"]["severity"] == "info"
    assert "safe loader" in safe[0]["properties"]["downranked"]
    unsafe = by_line[15]
    assert any(r["ruleId"].startswith("secsdlc.taint.") and
               r["properties"]["severity"] == "critical" for r in unsafe)
