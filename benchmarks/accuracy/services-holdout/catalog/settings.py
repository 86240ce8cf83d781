"""Service settings from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    database_url: str = "postgresql://catalog@db/catalog"
    media_dir: str = "/srv/catalog/media"
    thumbs_dir: str = "/srv/catalog/thumbs"
    download_dir: str = "/srv/catalog/downloads"
    image_host: str = "images.example.com"
    public_hosts: tuple[str, ...] = ("shop.example.com", "www.example.com")
    supplier_feeds: dict[str, str] = field(
        default_factory=lambda: {
            "acme": "https://feeds.acme.example.org/catalog.json",
            "globex": "https://partners.globex.example.net/export/v3/products",
        }
    )
    footer_template: str = "<footer>{{ shop_name }} - {{ user_text }}</footer>"
    log_level: str = "INFO"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("CATALOG_DATABASE_URL", Settings.database_url),
        media_dir=os.environ.get("CATALOG_MEDIA_DIR", Settings.media_dir),
        log_level=os.environ.get("CATALOG_LOG_LEVEL", Settings.log_level),
    )
