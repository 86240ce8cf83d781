"""Staff-only catalogue maintenance: imports, thumbnails, price rules, mail previews."""
from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Path
from fastapi.responses import HTMLResponse

from ..deps import get_staff_user
from ..models import FeedImport, FooterPreview, PresetRule, PriceRule, SupplierImport, TemplatePreview
from ..services import media, pricing
from ..services.fetcher import fetch
from ..settings import Settings, get_settings
from ..templating import mail_env

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(get_staff_user)])
log = logging.getLogger(__name__)


@router.post("/thumbnails/{sku}")
def regenerate_thumbnail(
    sku: str = Path(..., min_length=4, max_length=40), settings: Settings = Depends(get_settings)
):
    src = os.path.join(settings.media_dir, "images", f"{sku}.png")
    dest = os.path.join(settings.thumbs_dir, f"{sku}.png")
    return {"status": media.shell(media.resize_command(src, dest))}


@router.post("/previews/{sku}")
def regenerate_preview(
    sku: str = Path(..., pattern=r"^[A-Z0-9-]{4,40}$"), settings: Settings = Depends(get_settings)
):
    src = os.path.join(settings.media_dir, "images", f"{sku}.png")
    dest = os.path.join(settings.thumbs_dir, f"{sku}-preview.png")
    return {"status": media.shell(media.resize_command(src, dest, "800x800"))}


@router.post("/feeds/import")
async def import_feed(body: FeedImport):
    data = await fetch(body.url)
    return {"bytes": len(data)}


@router.post("/feeds/supplier")
async def import_supplier_feed(body: SupplierImport, settings: Settings = Depends(get_settings)):
    url = settings.supplier_feeds.get(body.supplier)
    if url is None:
        raise HTTPException(status_code=404, detail="unknown supplier")
    data = await fetch(url)
    return {"bytes": len(data)}


@router.get("/images/preview")
async def preview_remote_image(url: str):
    if not url.startswith("https://images.example.com"):
        raise HTTPException(status_code=400, detail="unsupported image host")
    data = await fetch(url)
    return {"bytes": len(data)}


@router.get("/images/check")
async def check_remote_image(url: str, settings: Settings = Depends(get_settings)):
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname != settings.image_host:
        raise HTTPException(status_code=400, detail="unsupported image host")
    data = await fetch(url)
    return {"bytes": len(data)}


@router.post("/pricing/preview")
def preview_price_rule(body: PriceRule):
    try:
        price = pricing.apply_rule(body.expression, body.base_price)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"rule failed: {type(exc).__name__}")
    return {"price": price}


@router.post("/pricing/preset")
def preview_preset_rule(body: PresetRule):
    expression = pricing.PRESET_RULES.get(body.preset, "price")
    try:
        price = pricing.apply_rule(expression, body.base_price)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"rule failed: {type(exc).__name__}")
    return {"price": price}


@router.post("/mail/preview", response_class=HTMLResponse)
def preview_campaign_mail(body: TemplatePreview):
    rendered = mail_env.from_string(body.template).render(shop_name="Example Shop")
    return HTMLResponse(f"<h3>Subject: {len(body.subject)} chars</h3>{rendered}")


@router.post("/mail/footer")
def preview_footer(body: FooterPreview, settings: Settings = Depends(get_settings)):
    rendered = mail_env.from_string(settings.footer_template).render(
        shop_name="Example Shop", user_text=body.text
    )
    return {"preview": rendered, "length": len(rendered)}
