"""Step outputs in $GITHUB_OUTPUT, always in the multiline-safe form.

    name<<DELIMITER
    value
    DELIMITER

with a random delimiter that is checked not to occur in the value (GitHub's own guidance), so a
value can never end the block early and inject another output.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from pathlib import Path

from secsdlc.errors import SecsdlcError


class OutputError(SecsdlcError):
    pass


def _delimiter(value: str) -> str:
    while True:
        candidate = f"ghadelimiter_{secrets.token_hex(16)}"
        if candidate not in value:
            return candidate


def format_outputs(values: Mapping[str, str]) -> str:
    chunks = []
    for name, value in values.items():
        if not name or any(c in name for c in "\r\n<=") or name != name.strip():
            raise OutputError(f"invalid output name {name!r}")
        value = value.replace("\r\n", "\n")
        delimiter = _delimiter(value)
        chunks.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
    return "".join(chunks)


def append_outputs(path: Path, values: Mapping[str, str]) -> None:
    """Append to the file GitHub gave the step (other steps' outputs may already be in it)."""
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(format_outputs(values))
    except OSError as e:
        raise OutputError(f"{path}: cannot write the step outputs (GITHUB_OUTPUT): {e}") from e


def parse_outputs(text: str, *, source: str = "GITHUB_OUTPUT") -> dict[str, str]:
    """The reverse of format_outputs (both forms), as the runner reads the file; for tests."""
    out: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            try:
                end = lines.index(delimiter, i + 1)
            except ValueError:
                raise OutputError(f"{source}: line {i + 1}: {name}: delimiter {delimiter!r} "
                                  f"never closed") from None
            out[name] = "\n".join(lines[i + 1:end])
            i = end + 1
        elif "=" in line:
            name, value = line.split("=", 1)
            out[name] = value
            i += 1
        else:
            raise OutputError(f"{source}: line {i + 1}: neither name=value nor name<<DELIMITER")
    return out
