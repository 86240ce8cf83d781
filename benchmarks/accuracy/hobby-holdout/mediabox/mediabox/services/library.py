"""The media index: a sqlite table of files under MEDIA_ROOT."""

import sqlite3
from dataclasses import dataclass
from typing import Optional

from .. import settings


@dataclass
class MediaItem:
    id: int
    relpath: str
    kind: str
    duration: float

    @property
    def abspath(self) -> str:
        return f"{settings.MEDIA_ROOT}/{self.relpath}"


def get_item(media_id: int) -> Optional[MediaItem]:
    conn = sqlite3.connect(settings.DB_PATH)
    try:
        row = conn.execute("SELECT id, relpath, kind, duration FROM media WHERE id = ?", (media_id,)).fetchone()
    finally:
        conn.close()
    return MediaItem(*row) if row else None
