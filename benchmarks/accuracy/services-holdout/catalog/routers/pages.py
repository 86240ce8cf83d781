"""Server-rendered storefront fragments."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from jinja2 import Template

from ..settings import get_settings
from ..templating import badge_html, badge_markup, templates

router = APIRouter(prefix="/pages", tags=["pages"])

SUPPORTED_LANGUAGES = ("en", "de", "fr")
RETURN_PATHS = ("/", "/cart", "/account", "/products")


@router.get("/search-empty", response_class=HTMLResponse)
def empty_search(q: str = ""):
    return HTMLResponse(f"<div class='empty'><p>No products match <b>{q}</b>.</p></div>")


@router.get("/search-empty/full", response_class=HTMLResponse)
def empty_search_page(request: Request, q: str = ""):
    return templates.TemplateResponse(request, "search.html", {"q": q})


@router.get("/badge", response_class=HTMLResponse)
def product_badge(label: str = "new"):
    return HTMLResponse(content=str(badge_html(label)))


@router.get("/badge/sale", response_class=HTMLResponse)
def sale_badge(label: str = "sale"):
    return HTMLResponse(content=str(badge_markup(label, tone="warning")))


@router.get("/welcome", response_class=HTMLResponse)
def welcome_banner(greeting: str = "Welcome back", name: str = "guest"):
    banner = Template("<h2>" + greeting + ", {{ name }}!</h2>", autoescape=True)
    return HTMLResponse(banner.render(name=name))


@router.get("/welcome/partner", response_class=HTMLResponse)
def partner_banner(greeting: str = "Welcome back", name: str = "partner"):
    banner = Template("<h2>{{ greeting }}, {{ name }}!</h2>", autoescape=True)
    return HTMLResponse(banner.render(greeting=greeting, name=name))


@router.get("/language")
def switch_language(lang: str = "en", back: str = "/"):
    response = RedirectResponse(url=back or "/", status_code=303)
    response.set_cookie("lang", lang if lang in SUPPORTED_LANGUAGES else "en")
    return response


@router.get("/currency")
def switch_currency(currency: str = "EUR", back: str = "/"):
    target = back if back in RETURN_PATHS else "/"
    response = RedirectResponse(url=target, status_code=303)
    response.set_cookie("currency", currency.upper()[:3])
    return response


@router.get("/content-language")
def content_language(lang: str = "en"):
    response = Response(content=b"", status_code=204)
    response.headers["Content-Language"] = lang
    return response


@router.get("/content-language/strict")
def content_language_strict(lang: str = "en"):
    response = Response(content=b"", status_code=204)
    response.headers["Content-Language"] = lang if lang in SUPPORTED_LANGUAGES else "en"
    return response


@router.get("/export")
def export_products_csv(filename: str = "products"):
    body = "sku,name,price\n"
    return Response(
        content=body,
        media_type="text/csv",
        headers={"Content-Disposition": f"attachment; filename={filename}.csv"},
    )


@router.get("/export/prices")
def export_prices_csv(filename: str = Query("prices", pattern=r"^[\w.-]{1,64}$")):
    body = "sku,price\n"
    return Response(
        content=body,
        media_type="text/csv",
        headers={"Content-Disposition": f"attachment; filename={filename}.csv"},
    )


@router.get("/footer/settings-check")
def footer_is_configured() -> dict[str, bool]:
    return {"configured": bool(get_settings().footer_template)}


@router.get("/robots.txt", response_class=PlainTextResponse)
def robots_txt() -> str:
    return "User-agent: *\nDisallow: /pages/export\nDisallow: /admin/\n"


@router.get("/product-card/{product_id}", response_class=HTMLResponse)
def product_card(request: Request, product_id: int):
    return templates.TemplateResponse(request, "card.html", {"product_id": product_id})
