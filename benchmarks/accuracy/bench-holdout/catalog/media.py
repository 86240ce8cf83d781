import os
import subprocess
from pathlib import Path

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

router = APIRouter(prefix="/media")
IMAGE_DIR = "/srv/catalog/images"


@router.get("/image")
def product_image(name: str = Query(...)):
    return FileResponse(os.path.join(IMAGE_DIR, name))


@router.get("/image/original")
def product_image_original(name: str = Query(...)):
    return FileResponse(os.path.join(IMAGE_DIR, Path(name).name))


@router.post("/resize")
def resize_preview(size: str = Query("256")):
    subprocess.run(f"convert {IMAGE_DIR}/preview.png -resize {size} /tmp/preview-out.png", shell=True, check=True)
    return {"ok": True}


@router.post("/square")
def square_preview(size: int = Query(256)):
    subprocess.run(f"convert {IMAGE_DIR}/preview.png -resize {size}x{size} /tmp/square-out.png", shell=True, check=True)
    return {"ok": True}
