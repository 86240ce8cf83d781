"""Per-guild settings, kept as blobs in sqlite so plugins can stash anything."""

import pickle
import sqlite3
from typing import Any, Dict

from .settings import DB_PATH

DEFAULTS: Dict[str, Any] = {"prefix": "!", "welcome": "Welcome {user}!", "plugins": ["dice"]}


def _conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute("CREATE TABLE IF NOT EXISTS guild_settings (guild_id INTEGER PRIMARY KEY, blob BLOB)")
    return conn


def decode_settings(blob: bytes) -> Dict[str, Any]:
    data = pickle.loads(blob)
    merged = dict(DEFAULTS)
    merged.update(data)
    return merged


def load_blob(guild_id: int) -> bytes:
    with _conn() as conn:
        row = conn.execute("SELECT blob FROM guild_settings WHERE guild_id = ?", (guild_id,)).fetchone()
    return row[0] if row else pickle.dumps({})


def save(guild_id: int, settings: Dict[str, Any]) -> None:
    with _conn() as conn:
        conn.execute("REPLACE INTO guild_settings (guild_id, blob) VALUES (?, ?)", (guild_id, pickle.dumps(settings)))
