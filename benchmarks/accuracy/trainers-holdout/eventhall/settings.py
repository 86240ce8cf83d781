"""Runtime settings."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("EVENTHALL_DATA", "/srv/eventhall")).resolve()
DB_PATH = str(DATA_DIR / "eventhall.db")
ASSET_DIR = (DATA_DIR / "assets").resolve()
UPLOAD_DIR = str(DATA_DIR / "uploads")
PDF_DIR = str(DATA_DIR / "pdf")
TEMPLATE_DIR = str(Path(__file__).parent / "templates")
SESSION_KEY = os.environ.get("EVENTHALL_SESSION_KEY", "").encode()
WEBHOOK_HOSTS = frozenset({"hooks.slack.com", "outlook.office.com", "hooks.eventhall.example"})
CURRENCIES = ("EUR", "GBP", "USD", "CHF")
SEARCH_MODE = "plain"
