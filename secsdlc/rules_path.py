"""Where the bundled semgrep rule pack lives.

In a wheel the pack is installed as `secsdlc/rules`; in a source checkout (editable install,
tests) it is the top-level `rules/` directory beside the package.
"""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"secsdlc rule pack not found beside {package}")
