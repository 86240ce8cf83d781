"""Django settings for pixelshelf; everything deployment-specific comes from the environment."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("PIXELSHELF_SECRET_KEY", "dev-only-not-secret")
DEBUG = os.environ.get("PIXELSHELF_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("PIXELSHELF_HOSTS", "localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "pixelshelf",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PIXELSHELF_DB", "pixelshelf"),
        "USER": os.environ.get("PIXELSHELF_DB_USER", "pixelshelf"),
        "PASSWORD": os.environ.get("PIXELSHELF_DB_PASSWORD", ""),
        "HOST": os.environ.get("PIXELSHELF_DB_HOST", "localhost"),
    }
}

MEDIA_ROOT = os.environ.get("PIXELSHELF_MEDIA", str(BASE_DIR / "media"))
VIDEO_ROOT = os.path.join(MEDIA_ROOT, "video")
IMPORT_ROOT = os.path.join(MEDIA_ROOT, "imports")
CONVERT_BIN = os.environ.get("PIXELSHELF_CONVERT", "convert")
FFMPEG_BIN = os.environ.get("PIXELSHELF_FFMPEG", "ffmpeg")
MAX_ARCHIVE_MEMBERS = 2000
ROOT_URLCONF = "pixelshelf.urls"
