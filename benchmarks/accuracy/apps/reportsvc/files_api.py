"""Download finished reports and their templates."""
from __future__ import annotations

import os

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse

from . import settings

router = APIRouter(tags=["files"])


@router.get("/files/{name:path}")
def download(name: str):
    return FileResponse(os.path.join(settings.REPORT_DIR, name))


@router.get("/archive/{name:path}")
def download_archived(name: str):
    root = settings.REPORT_DIR.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise HTTPException(status_code=404)
    return FileResponse(path)


@router.get("/templates/raw", response_class=PlainTextResponse)
def template_raw(template: str):
    return (settings.TEMPLATE_DIR / template).read_text(encoding="utf-8")


@router.get("/templates/view", response_class=PlainTextResponse)
def template_view(template: str):
    known = set(os.listdir(settings.TEMPLATE_DIR))
    if template not in known:
        raise HTTPException(status_code=404)
    return (settings.TEMPLATE_DIR / template).read_text(encoding="utf-8")
