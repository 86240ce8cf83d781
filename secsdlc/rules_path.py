"""Where the bundled semgrep rule pack and git hooks live.

In a wheel they are installed as `secsdlc/rules` and `secsdlc/hooks`; in a source checkout
(editable install, tests) they are the top-level `rules/` and `hooks/` beside the package.
"""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    return _bundled("rules")


def hooks_dir() -> Path:
    """The plain git hooks (`hooks/` in a checkout, `secsdlc/hooks` when installed)."""
    return _bundled("hooks")


def _bundled(name: str) -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package / name, package.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"secsdlc {name} not found beside {package}")
