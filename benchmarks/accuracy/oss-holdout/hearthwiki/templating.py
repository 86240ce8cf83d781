"""HTML by string building; enough for a wiki."""
import html
import re

from . import settings

LINK_RE = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")
WIKILINK_RE = re.compile(r"\[\[([^|\]]+)\]\]")


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def layout(title: str, body: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{esc(title)} - {esc(settings.SITE_TITLE)}</title>"
        "<link rel='stylesheet' href='/static/wiki.css'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/recent'>Recent</a> <a href='/search'>Search</a></nav>"
        f"<main>{body}</main></body></html>"
    )


def render_wiki(text: str) -> str:
    """Paragraphs, [[Page]] links and [[url|label]] links."""
    out = esc(text)
    out = LINK_RE.sub(lambda m: '<a href="%s">%s</a>' % (m.group(1), m.group(2)), out)
    out = WIKILINK_RE.sub(lambda m: '<a href="/wiki/%s">%s</a>' % (m.group(1).replace(" ", "_"), m.group(1)), out)
    return "".join(f"<p>{para}</p>" for para in out.split("\n\n"))


def render_plain(text: str) -> str:
    return "".join(f"<p>{esc(para)}</p>" for para in text.split("\n\n"))
