"""Small helpers used across the views."""
import base64
import os
import secrets

from django.conf import settings
from django.shortcuts import get_object_or_404

from .models import Album, Photo


def photo_path(photo: Photo) -> str:
    return os.path.join(settings.MEDIA_ROOT, photo.image.name)


def owned_photo(request, photo_id) -> Photo:
    return get_object_or_404(Photo, pk=photo_id, album__owner=request.user)


def owned_album(request, album_id) -> Album:
    return get_object_or_404(Album, pk=album_id, owner=request.user)


def derived_path(photo: Photo, suffix: str) -> str:
    base, _ = os.path.splitext(photo_path(photo))
    return f"{base}.{suffix}"


def new_device_token() -> str:
    return secrets.token_urlsafe(32)


def b64decode_cookie(value: str) -> bytes:
    padded = value + "=" * (-len(value) % 4)
    return base64.urlsafe_b64decode(padded.encode())


def file_chunks(path: str, chunk_size: int = 64 * 1024):
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(chunk_size)
            if not chunk:
                break
            yield chunk
