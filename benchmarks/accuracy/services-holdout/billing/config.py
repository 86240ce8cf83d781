"""Runtime settings, read once from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    database_path: str = "/var/lib/billing/billing.db"
    database_url: str = "postgresql://billing@localhost/billing"
    export_dir: str = "/var/lib/billing/exports"
    archive_dir: str = "/var/lib/billing/archives"
    import_dir: str = "/var/lib/billing/imports"
    attachment_dir: str = "/var/lib/billing/attachments"
    backup_dir: str = "/var/backups/billing"
    payment_gateway_url: str = "https://gateway.internal.example.net"
    allowed_asset_hosts: tuple[str, ...] = field(default=("assets.example-cdn.net",))
    secret_key: str = "change-me"
    log_level: str = "INFO"

    @classmethod
    def from_env(cls) -> "Settings":
        env = os.environ
        return cls(
            database_path=env.get("BILLING_DB", cls.database_path),
            database_url=env.get("BILLING_DATABASE_URL", cls.database_url),
            export_dir=env.get("BILLING_EXPORT_DIR", cls.export_dir),
            archive_dir=env.get("BILLING_ARCHIVE_DIR", cls.archive_dir),
            import_dir=env.get("BILLING_IMPORT_DIR", cls.import_dir),
            attachment_dir=env.get("BILLING_ATTACHMENT_DIR", cls.attachment_dir),
            backup_dir=env.get("BILLING_BACKUP_DIR", cls.backup_dir),
            payment_gateway_url=env.get("BILLING_GATEWAY_URL", cls.payment_gateway_url),
            allowed_asset_hosts=_split(env.get("BILLING_ASSET_HOSTS", "assets.example-cdn.net")),
            secret_key=env.get("BILLING_SECRET_KEY", cls.secret_key),
            log_level=env.get("BILLING_LOG_LEVEL", cls.log_level),
        )

    def as_flask_config(self) -> dict[str, object]:
        return {
            "DATABASE_PATH": self.database_path,
            "DATABASE_URL": self.database_url,
            "EXPORT_DIR": self.export_dir,
            "ARCHIVE_DIR": self.archive_dir,
            "IMPORT_DIR": self.import_dir,
            "ATTACHMENT_DIR": self.attachment_dir,
            "BACKUP_DIR": self.backup_dir,
            "PAYMENT_GATEWAY_URL": self.payment_gateway_url,
            "ALLOWED_ASSET_HOSTS": self.allowed_asset_hosts,
        }
