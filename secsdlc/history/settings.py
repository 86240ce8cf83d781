"""What the history commands share: the configuration file, the policy, the store to open."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secsdlc.config import Config, find_config_file, load
from secsdlc.errors import ConfigError, UsageError
from secsdlc.history.location import resolve_url
from secsdlc.history.policy import Policy, from_config
from secsdlc.sarif.terms import parse_time

if TYPE_CHECKING:
    from secsdlc.history.store import HistoryStore

_HISTORY_KEYS = ("project", "db", "correspondent", "default-branch")


@dataclass(frozen=True, kw_only=True)
class HistorySettings:
    """`[tool.secsdlc.history]`: defaults for the history commands of one repository."""

    project: str | None = None
    db: str | None = None
    correspondent: str | None = None
    default_branch: str | None = None


def load_config(path: Path | None) -> Config:
    found = path if path is not None else find_config_file(Path.cwd())
    return load(found, known_scanner_options={})


def policy(config: Config) -> Policy:
    return from_config(config)


def history_settings(config: Config) -> HistorySettings:
    prefix = "tool.secsdlc." if config.source.endswith("pyproject.toml") else ""
    section: Mapping[str, Any] = config.sections.get("history", {})
    values: dict[str, str] = {}
    for key, value in section.items():
        if key not in _HISTORY_KEYS:
            raise ConfigError(
                config.source,
                f"{prefix}history.{key}",
                f"unknown key (expected one of: {', '.join(_HISTORY_KEYS)})",
            )
        if not isinstance(value, str):
            raise ConfigError(config.source, f"{prefix}history.{key}", "must be a string")
        values[key.replace("-", "_")] = value
    return HistorySettings(**values)


def open_store(db: str | None, config: Path | None) -> HistoryStore:
    """The store --db, $SECSDLC_DB or the configuration names, opened (and migrated)."""
    from secsdlc.history.store import HistoryStore

    return HistoryStore.open(store_url(db, history_settings(load_config(config))))


def store_url(db: str | None, settings: HistorySettings) -> str:
    """--db, else $SECSDLC_DB, else the configuration's, else the default."""
    return resolve_url(db or None, configured=settings.db)


def parse_when(text: str, option: str) -> datetime:
    try:
        return parse_time(text)
    except ValueError:
        raise UsageError(f"{option}: not an ISO 8601 date or date-time: {text!r}") from None
