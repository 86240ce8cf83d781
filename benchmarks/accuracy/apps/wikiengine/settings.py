import os
from pathlib import Path

SECRET_KEY = os.environ.get("WIKI_SECRET_KEY", "change-me")
PAGE_ROOT = os.environ.get("WIKI_PAGE_ROOT", "/srv/wiki/pages")
ATTACHMENT_ROOT = os.environ.get("WIKI_ATTACHMENTS", "/srv/wiki/attachments")
EXPORT_ROOT = Path(os.environ.get("WIKI_EXPORTS", "/srv/wiki/exports"))
HOOKS_FILE = os.environ.get("WIKI_HOOKS", "/srv/wiki/hooks.ini")
SUPPORTED_LOCALES = ("en", "de", "fr", "es")
ALLOWED_TAGS = ["a", "abbr", "b", "blockquote", "code", "em", "h1", "h2", "h3", "i", "li", "ol", "p", "pre", "strong", "ul"]
