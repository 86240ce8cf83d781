"""Service settings read by the mobile API (Django settings live in the project package)."""
from pathlib import Path

EXPORT_ROOT = Path("/srv/mobile/exports")
AVATAR_ROOT = Path("/srv/mobile/media/avatars")
MEDIA_ROOT = Path("/srv/mobile/media")
PUSH_PROVIDERS = {
    "apns": "https://api.push.apple.com/3/device",
    "fcm": "https://fcm.googleapis.com/v1/projects/fit-mobile/messages:send",
}
DEEPLINK_HOSTS = {"fit.example.com", "links.fit.example.com"}
STORE_LINKS = {
    "ios": "https://apps.apple.com/app/id1234567890",
    "android": "https://play.google.com/store/apps/details?id=com.example.fit",
}
DOWNLOAD_SALT = "mobile.downloads"
