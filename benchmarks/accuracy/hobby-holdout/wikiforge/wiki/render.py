"""Markdown and layout rendering for pages."""

import bleach
import jinja2
import markdown
from jinja2.sandbox import SandboxedEnvironment

MD_EXTENSIONS = ["fenced_code", "tables", "toc"]
ALLOWED_TAGS = ["p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "a", "code", "pre", "em", "strong", "table",
                "thead", "tbody", "tr", "th", "td", "blockquote", "hr", "br", "img"]
ALLOWED_ATTRS = {"a": ["href", "title"], "img": ["src", "alt"], "th": ["align"], "td": ["align"]}
DEFAULT_LAYOUT = "<article><h1>{{ page.title }}</h1>{{ content }}</article>"

_plain_env = jinja2.Environment(autoescape=False)
_sandbox = SandboxedEnvironment(autoescape=True)


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=MD_EXTENSIONS)


def to_clean_html(text: str) -> str:
    return bleach.clean(to_html(text), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRS, strip=True)


def apply_layout(layout: str, **ctx) -> str:
    return _plain_env.from_string(layout or DEFAULT_LAYOUT).render(**ctx)


def apply_layout_sandboxed(layout: str, **ctx) -> str:
    return _sandbox.from_string(layout or DEFAULT_LAYOUT).render(**ctx)
