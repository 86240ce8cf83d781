"""Settings read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    db_path: str
    data_dir: str
    listen_port: int
    session_hours: int


def load() -> Settings:
    return Settings(
        db_path=os.environ.get("CLINICDESK_DB", "/var/lib/clinicdesk/clinic.db"),
        data_dir=os.environ.get("CLINICDESK_DATA", "/srv/clinicdesk"),
        listen_port=int(os.environ.get("CLINICDESK_PORT", "8088")),
        session_hours=int(os.environ.get("CLINICDESK_SESSION_HOURS", "8")),
    )


SETTINGS = load()
