"""Settings, read once from the environment."""

import os

DATABASE = os.environ.get("LINKJAR_DB", os.path.expanduser("~/.local/share/linkjar/linkjar.db"))
SECRET_KEY = os.environ.get("LINKJAR_SECRET", "change-me")
NOTIFY_WEBHOOK = os.environ.get("LINKJAR_WEBHOOK", "https://hooks.example.net/linkjar")
PREVIEW_HOSTS = frozenset({"github.com", "news.ycombinator.com", "lobste.rs", "en.wikipedia.org"})
ICON_SERVICE = "https://icons.duckduckgo.com/ip3/"
PAGE_SIZE = 50
USER_AGENT = "linkjar/0.4 (+https://codeberg.org/jmrk/linkjar)"
