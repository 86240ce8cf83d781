"""Helpers shared by the views."""
import re
import unicodedata
from urllib.parse import urljoin, urlparse

import bleach
import markdown
from flask import request
from jinja2 import Environment

ALLOWED_TAGS = ["a", "abbr", "b", "blockquote", "code", "em", "h2", "h3", "i", "li", "ol", "p", "pre", "strong", "ul"]
ALLOWED_ATTRS = {"a": ["href", "title"], "abbr": ["title"]}

_subject_env = Environment(autoescape=False)


def slugify(value: str) -> str:
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def markdown_to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["fenced_code", "tables"])


def clean_html(html: str) -> str:
    return bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRS, protocols=["http", "https", "mailto"], strip=True)


def render_subject(fmt: str, **context) -> str:
    """Render a one-line title/subject pattern such as ``{{ post.title }} | {{ site }}``."""
    return _subject_env.from_string(fmt).render(**context)


def is_local_url(target: str) -> bool:
    ref = urlparse(request.host_url)
    test = urlparse(urljoin(request.host_url, target))
    return test.scheme in ("http", "https") and ref.netloc == test.netloc


def absolute_local(target: str) -> str:
    return urljoin(request.host_url, target)


def allowed_image(filename: str, allowed) -> bool:
    return "." in filename and filename.rsplit(".", 1)[1].lower() in allowed


def paginate(page_arg, per_page):
    try:
        page = max(int(page_arg), 1)
    except (TypeError, ValueError):
        page = 1
    return per_page, (page - 1) * per_page
