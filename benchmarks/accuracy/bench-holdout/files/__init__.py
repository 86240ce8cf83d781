"""Document storage service: downloads, previews and imports."""
