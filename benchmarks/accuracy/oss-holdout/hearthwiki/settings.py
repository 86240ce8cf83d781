import os

HOST = os.environ.get("HEARTHWIKI_HOST", "0.0.0.0")
PORT = int(os.environ.get("HEARTHWIKI_PORT", "8088"))
DB_PATH = os.environ.get("HEARTHWIKI_DB", "hearthwiki.db")
DATA_DIR = os.environ.get("HEARTHWIKI_DATA", os.path.expanduser("~/.hearthwiki"))
EXPORT_DIR = os.path.join(DATA_DIR, "exports")
BOOKMARKS_XML = os.path.join(DATA_DIR, "bookmarks.xml")
MIRROR_URL = os.environ.get("HEARTHWIKI_MIRROR", "https://wiki-mirror.example.net")
TRUSTED_LINK_HOSTS = ("en.wikipedia.org", "docs.python.org", "github.com")
SESSION_HOURS = 12
SITE_TITLE = os.environ.get("HEARTHWIKI_TITLE", "Our House Wiki")
