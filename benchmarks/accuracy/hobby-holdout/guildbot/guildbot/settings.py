import os
from pathlib import Path

BOT_DIR = Path(__file__).resolve().parent.parent
DB_PATH = os.getenv("GUILDBOT_DB", str(BOT_DIR / "guildbot.sqlite3"))
ADMIN_SECRET = os.getenv("GUILDBOT_ADMIN_SECRET", "dev-secret")
SIGNING_KEY = os.getenv("GUILDBOT_SIGNING_KEY", "dev-signing-key")
PREFIX = "!"
HISTORY = 500
