"""Knowledge-base articles, stored in one XML document maintained by the docs team."""
from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from lxml import etree


@lru_cache(maxsize=1)
def _document() -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(settings.KB_DOCUMENT, parser)


def _as_dict(article: etree._Element) -> dict[str, str]:
    return {
        "slug": article.get("slug", ""),
        "title": article.findtext("title", default=""),
        "summary": article.findtext("summary", default=""),
    }


def article_by_title(request: HttpRequest) -> JsonResponse:
    title = request.GET.get("title", "")
    found = _document().xpath(f"//article[title='{title}' and @published='true']")
    if not found:
        raise Http404("no article")
    return JsonResponse(_as_dict(found[0]))


def article_by_slug(request: HttpRequest) -> JsonResponse:
    slug = request.GET.get("slug", "")
    found = _document().xpath("//article[@slug=$slug and @published='true']", slug=slug)
    if not found:
        raise Http404("no article")
    return JsonResponse(_as_dict(found[0]))
