import os

MEDIA_ROOT = os.environ.get("MEDIAHUB_ROOT", "/srv/media/library")
UPLOAD_DIR = os.environ.get("MEDIAHUB_UPLOADS", "/srv/media/incoming")
OUTPUT_DIR = os.environ.get("MEDIAHUB_OUTPUT", "/srv/media/out")
PRESETS = ("ultrafast", "fast", "medium", "slow")
UPLOAD_EXTENSIONS = (".mp3", ".m4a", ".wav", ".mp4", ".mov")
IMPORT_HOSTS = ("storage.googleapis.com", "media.partner-cdn.example")
OEMBED_PROVIDERS = {
    "youtube": "https://www.youtube.com/oembed",
    "vimeo": "https://vimeo.com/api/oembed.json",
    "soundcloud": "https://soundcloud.com/oembed",
}
