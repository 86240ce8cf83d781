"""Product media and downloadable documents."""
from __future__ import annotations

import os
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse, Response

from ..settings import Settings, get_settings

router = APIRouter(prefix="/media", tags=["media"])


@router.get("/images/{name:path}")
def product_image(name: str, settings: Settings = Depends(get_settings)):
    path = os.path.join(settings.media_dir, "images", name)
    if not os.path.exists(path):
        raise HTTPException(status_code=404)
    return FileResponse(path, media_type="image/png")


@router.get("/thumbs/{name:path}")
def product_thumbnail(name: str, settings: Settings = Depends(get_settings)):
    base = Path(settings.thumbs_dir).resolve()
    path = (base / name).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        raise HTTPException(status_code=404)
    return FileResponse(path, media_type="image/png")


@router.get("/documents")
def product_document(file: str, settings: Settings = Depends(get_settings)):
    if file.startswith(".."):
        raise HTTPException(status_code=400, detail="invalid document name")
    data = (Path(settings.download_dir) / file).read_bytes()
    return Response(content=data, media_type="application/pdf")


@router.get("/manuals")
def product_manual(file: str, settings: Settings = Depends(get_settings)):
    available = {entry.name for entry in Path(settings.download_dir).iterdir() if entry.is_file()}
    if file not in available:
        raise HTTPException(status_code=404, detail="unknown manual")
    data = (Path(settings.download_dir) / file).read_bytes()
    return Response(content=data, media_type="application/pdf")
