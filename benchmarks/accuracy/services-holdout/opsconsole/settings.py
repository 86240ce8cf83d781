"""Console settings, loaded from an INI file at start-up."""
from __future__ import annotations

import configparser
from dataclasses import dataclass, field


@dataclass
class Settings:
    log_dir: str = "/var/log/platform"
    backup_dir: str = "/srv/backups"
    data_dir: str = "/srv/platform"
    audit_db: str = "/var/lib/opsconsole/audit.db"
    state_key: bytes = b""
    alertmanager_host: str = "alertmanager.internal.example.net"
    services: dict[str, str] = field(
        default_factory=lambda: {
            "api": "http://api.internal.example.net:8080/healthz",
            "worker": "http://worker.internal.example.net:9000/healthz",
            "search": "http://search.internal.example.net:9200/_cluster/health",
        }
    )

    @classmethod
    def load(cls, path: str) -> "Settings":
        parser = configparser.ConfigParser()
        parser.read(path)
        section = parser["console"] if parser.has_section("console") else {}
        return cls(
            log_dir=section.get("log_dir", cls.log_dir),
            backup_dir=section.get("backup_dir", cls.backup_dir),
            data_dir=section.get("data_dir", cls.data_dir),
            audit_db=section.get("audit_db", cls.audit_db),
            state_key=section.get("state_key", "").encode(),
        )
