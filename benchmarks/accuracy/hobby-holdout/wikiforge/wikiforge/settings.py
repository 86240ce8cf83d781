from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "dev-only-change-me"
DEBUG = False
ALLOWED_HOSTS = ["wiki.example.org", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "wiki",
]
ROOT_URLCONF = "wikiforge.urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [BASE_DIR / "templates"], "APP_DIRS": True, "OPTIONS": {}}]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "wiki.sqlite3"}}
ATTACHMENT_ROOT = BASE_DIR / "attachments"
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("fr", "Français")]
WIKI_SITE_NAME = "Forge Wiki"
WIKI_LAYOUT_DEBUG = False
