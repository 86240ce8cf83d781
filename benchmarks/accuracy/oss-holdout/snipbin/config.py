import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    database: str = os.environ.get("SNIPBIN_DB", "snipbin.db")
    data_dir: str = os.environ.get("SNIPBIN_DATA", "/var/lib/snipbin")
    themes_dir: str = os.environ.get("SNIPBIN_THEMES", "/usr/share/snipbin/themes")
    export_dir: str = os.environ.get("SNIPBIN_EXPORTS", "/var/lib/snipbin/exports")
    public_host: str = os.environ.get("SNIPBIN_HOST", "snipb.in")
    oembed_endpoint: str = os.environ.get("SNIPBIN_OEMBED", "https://noembed.com/embed")
    admin_token: str = os.environ.get("SNIPBIN_ADMIN_TOKEN", "")
    pygmentize: str = os.environ.get("SNIPBIN_PYGMENTIZE", "pygmentize")
    max_paste_bytes: int = int(os.environ.get("SNIPBIN_MAX_BYTES", str(512 * 1024)))
    import_hosts: tuple = field(default=("raw.githubusercontent.com", "gist.githubusercontent.com", "gitlab.com"))


settings = Settings()
