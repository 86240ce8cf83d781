"""mediahub: upload, transcode and serve audio/video for the podcast team (aiohttp)."""
