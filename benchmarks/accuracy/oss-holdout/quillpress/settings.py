"""Settings, read from the environment so the same image runs everywhere."""
import os

SECRET_KEY = os.environ.get("QUILLPRESS_SECRET", "change-me")
DATABASE = os.environ.get("QUILLPRESS_DB", "quillpress.sqlite3")
UPLOAD_DIR = os.environ.get("QUILLPRESS_UPLOADS", "/var/lib/quillpress/uploads")
THUMB_DIR = os.path.join(UPLOAD_DIR, "thumbs")
AVATAR_DIR = os.path.join(UPLOAD_DIR, "avatars")
SITE_NAME = os.environ.get("QUILLPRESS_SITE_NAME", "My Quillpress blog")
POSTS_PER_PAGE = int(os.environ.get("QUILLPRESS_PER_PAGE", "10"))
ENABLED_PLUGINS = [p for p in os.environ.get("QUILLPRESS_PLUGINS", "readtime,toc").split(",") if p]
MAX_CONTENT_LENGTH = 8 * 1024 * 1024
REMEMBER_DAYS = 30
ALLOWED_IMAGE_EXT = {"png", "jpg", "jpeg", "gif", "webp"}
