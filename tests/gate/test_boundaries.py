"""The package boundaries, checked on the imports themselves.

The gate, the history, CI and the command line reach sign-off only through its façade; the CLI
modules parse arguments, call the library and print, so none of them opens a database, runs a
process, loads a policy or verifies or makes a signature itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.resources import REPO

PACKAGE = REPO / "secsdlc"


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, at any depth (lazy imports inside functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _modules(*packages: str) -> list[Path]:
    return sorted(p for name in packages for p in (PACKAGE / name).rglob("*.py"))


@pytest.mark.parametrize("path", [*_modules("gate", "history", "ci", "cli"),
                                  PACKAGE / "decision.py"],
                         ids=lambda p: p.relative_to(PACKAGE).with_suffix("").as_posix())
def test_signoff_is_reached_only_through_its_facade(path: Path) -> None:
    # `from secsdlc.signoff import facade` names both the package and the façade
    reached = {m for m in _imports(path) if m.startswith("secsdlc.signoff.")
               and not m.startswith("secsdlc.signoff.facade")}
    assert not reached, f"{path.relative_to(REPO)} imports {sorted(reached)}"


_CLI_FORBIDDEN = ("subprocess", "sqlalchemy", "alembic", "secsdlc.history.store",
                  "secsdlc.history.database", "secsdlc.history.snapshot",
                  "secsdlc.history.settings", "secsdlc.signoff.sshsig", "secsdlc.signoff.registry",
                  "secsdlc.signoff.audit", "secsdlc.trusted_config", "secsdlc.gate.policy",
                  "secsdlc.config")


@pytest.mark.parametrize("name", ["trends", "history", "report", "rules", "scan", "audit",
                                  "correspondent", "policy", "signoff", "waiver"])
def test_cli_module_holds_no_business_logic(name: str) -> None:
    path = PACKAGE / "cli" / f"{name}.py"
    reached = {m for m in _imports(path) if m.startswith(_CLI_FORBIDDEN)}
    assert not reached, f"{path.relative_to(REPO)} imports {sorted(reached)}"
