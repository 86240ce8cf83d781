"""Settings for the data team API."""
from pathlib import Path

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    warehouse_url: str = "postgresql+psycopg://analytics@warehouse.internal/analytics"
    export_dir: Path = Path("/srv/data-api/exports")
    upload_dir: Path = Path("/srv/data-api/uploads")
    repo_dir: Path = Path("/srv/data-api/definitions")
    catalog_path: Path = Path("/srv/data-api/catalog.xml")
    data_hosts: tuple[str, ...] = ("data.corp.example", "minio.corp.example")
    redis_url: str = "redis://cache.internal:6379/3"


settings = Settings()

TABLES = {
    "orders": ("order_id", "country", "channel", "status", "created_at"),
    "sessions": ("session_id", "country", "device", "started_at"),
    "payments": ("payment_id", "provider", "currency", "status", "created_at"),
}
