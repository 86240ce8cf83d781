"""Configuration from `[tool.secsdlc]` in pyproject.toml or a `.secsdlc.toml` file.

Unknown keys warn (a typo must not pass unnoticed); a value of the wrong type is an error that names
the file and the key.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secsdlc.errors import ConfigError
from secsdlc.model import Severity
from secsdlc.scanners.tool import executable_env

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_EXCLUDE = (
    ".git/**",
    "**/.git/**",
    "**/node_modules/**",
    "**/.venv/**",
    "**/venv/**",
    "**/.tox/**",
    "**/.nox/**",
    "**/__pycache__/**",
    "**/.mypy_cache/**",
    "**/.ruff_cache/**",
    "**/.pytest_cache/**",
    "**/*.egg-info/**",
    "**/site-packages/**",
)

# Options that name a program to run: never taken from a file in the repository.
PROGRAM_OPTIONS = frozenset({"executable"})
USER_CONFIG_HINT = "~/.config/secsdlc/config.toml"

_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")

# Sections other issues' features own; recognised here so they do not warn as unknown.
_SECTIONS = ("scanners", "policy", "suppressions", "history")


@dataclass(frozen=True, kw_only=True)
class Config:
    source: str = ""  # file the configuration came from, "" for defaults
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    scanners: tuple[str, ...] | None = None  # None: every registered scanner
    fail_on: Severity = Severity.HIGH
    timeout: float = 600.0
    max_file_size: int = 1_048_576
    # sha256 of the baseline files enforce mode applies when they lie in the repository
    baseline_digests: frozenset[str] = frozenset()
    scanner_options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    # Raw sections owned by other parts (policy, suppressions...), validated by their owners.
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def find_config_file(start: Path) -> Path | None:
    """`.secsdlc.toml`, else a pyproject.toml with a [tool.secsdlc] table, from `start` upwards."""
    directory = start if start.is_dir() else start.parent
    for candidate_dir in (directory, *directory.parents):
        dotfile = candidate_dir / ".secsdlc.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return pyproject  # let load() report the problem with the file's name
            tool = data.get("tool")
            if isinstance(tool, dict) and "secsdlc" in tool:
                return pyproject
        if (candidate_dir / ".git").exists():
            break
    return None


def read_table(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(str(path), "", "file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(path), "", f"cannot read: {e}") from e
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), "", f"invalid TOML: {e}") from e
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(str(path), "tool", "must be a table")
        table = tool.get("secsdlc", {})
        if not isinstance(table, dict):
            raise ConfigError(str(path), "tool.secsdlc", "must be a table")
        return table
    return data


def load(path: Path | None, *, known_scanner_options: Mapping[str, Mapping[str, Any]]) -> Config:
    """Load and validate configuration; `path` None gives the defaults."""
    if path is None:
        return Config()
    return parse(read_table(path), source=str(path), known_scanner_options=known_scanner_options)


def parse(
    table: Mapping[str, Any],
    *,
    source: str,
    known_scanner_options: Mapping[str, Mapping[str, Any]],
) -> Config:
    prefix = "tool.secsdlc." if source.endswith("pyproject.toml") else ""
    warnings: list[str] = []

    def err(key: str, problem: str) -> ConfigError:
        return ConfigError(source, prefix + key, problem)

    def str_list(key: str) -> tuple[str, ...]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise err(key, "must be a list of strings")
        return tuple(value)

    kwargs: dict[str, Any] = {}
    for key in table:
        if key in ("include", "exclude"):
            kwargs[key] = str_list(key)
        elif key == "scanners" and isinstance(table[key], list):
            kwargs["scanners"] = str_list(key)
        elif key == "fail-on":
            if not isinstance(table[key], str):
                raise err(key, "must be a string")
            try:
                kwargs["fail_on"] = Severity.parse(table[key])
            except ValueError as e:
                raise err(key, str(e)) from None
        elif key == "timeout":
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise err(key, "must be a positive number of seconds")
            kwargs["timeout"] = float(value)
        elif key == "max-file-size":
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise err(key, "must be a positive whole number of bytes")
            kwargs["max_file_size"] = value
        elif key == "baseline-sha256":
            value = table[key]
            digests = [value] if isinstance(value, str) else value
            if not isinstance(digests, list) or not all(
                    isinstance(d, str) and _SHA256.match(d) for d in digests):
                raise err(key, "must be the sha256 of a baseline file (64 hexadecimal digits) "
                               "or a list of them")
            kwargs["baseline_digests"] = frozenset(d.lower() for d in digests)
        elif key in _SECTIONS:
            continue
        else:
            warnings.append(f"{source}: unknown key {prefix + key!r} ignored")

    options: dict[str, dict[str, object]] = {}
    scanners_value = table.get("scanners")
    # `scanners` is either the list of enabled scanners or a table of per-scanner options.
    if isinstance(scanners_value, dict):
        enabled = scanners_value.get("enabled")
        if enabled is not None:
            if not isinstance(enabled, list) or not all(isinstance(v, str) for v in enabled):
                raise err("scanners.enabled", "must be a list of strings")
            kwargs["scanners"] = tuple(enabled)
        for name, opts in scanners_value.items():
            if name == "enabled":
                continue
            if not isinstance(opts, dict):
                raise err(f"scanners.{name}", "must be a table of options")
            known = known_scanner_options.get(name)
            if known is None:
                warnings.append(f"{source}: options for unknown scanner {name!r} ignored")
                continue
            checked: dict[str, object] = {}
            for opt, value in opts.items():
                if opt in PROGRAM_OPTIONS:
                    warnings.append(
                        f"{source}: '{prefix}scanners.{name}.{opt}' ignored: the program a "
                        f"scanner runs is never read from a repository file; set "
                        f"{executable_env(name)} in the environment or '{opt}' under "
                        f"[scanners.{name}] in the user configuration ({USER_CONFIG_HINT})")
                    continue
                expected = known.get(opt)
                if expected is None:
                    warnings.append(
                        f"{source}: unknown key '{prefix}scanners.{name}.{opt}' ignored")
                    continue
                if isinstance(expected, frozenset):
                    if not isinstance(value, str) or value not in expected:
                        choices = ", ".join(repr(c) for c in sorted(expected))
                        raise err(f"scanners.{name}.{opt}", f"must be one of {choices}")
                elif (isinstance(value, bool) and expected is not bool) \
                        or not isinstance(value, expected):
                    raise err(f"scanners.{name}.{opt}", f"must be {_type_name(expected)}")
                if opt == "timeout" and not value > 0:
                    raise err(f"scanners.{name}.{opt}", "must be a positive number of seconds")
                checked[opt] = value
            options[name] = checked
    elif scanners_value is not None and not isinstance(scanners_value, list):
        raise err("scanners", "must be a list of scanner names or a table of scanner options")

    for k in _SECTIONS:
        if k in table and k != "scanners" and not isinstance(table[k], dict):
            raise err(k, "must be a table")
    sections = {k: table[k] for k in _SECTIONS if k in table and isinstance(table[k], dict)}
    return Config(
        source=source,
        scanner_options=options,
        sections=sections,
        warnings=tuple(warnings),
        **kwargs,
    )


def _type_name(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    names = {
        str: "a string",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
    }
    return " or ".join(names.get(t, t.__name__) for t in types)
