import os

MEDIA_ROOT = os.environ.get("MEDIABOX_ROOT", "/srv/media")
UPLOAD_DIR = os.path.join(MEDIA_ROOT, "uploads")
THUMB_DIR = os.path.join(MEDIA_ROOT, ".thumbs")
DB_PATH = os.path.join(MEDIA_ROOT, ".mediabox.sqlite3")
COOKIE_SECRET = os.environ.get("MEDIABOX_COOKIE_SECRET", "please-set-me")
REMOTE_HOSTS = {"archive.org", "upload.wikimedia.org", "files.example-nas.lan"}
REMOTE_PREFIXES = ("https://archive.org/download/", "https://upload.wikimedia.org/")
PEERS = {"living-room": "http://192.168.1.40:8899", "office": "http://192.168.1.41:8899"}
NOTIFY_BASE = os.environ.get("MEDIABOX_NOTIFY", "https://ntfy.sh")
SHARE_TTL = 60 * 60 * 24 * 7
