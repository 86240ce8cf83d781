"""Slow or external work: document conversion, link previews, space manifests."""
from __future__ import annotations

import logging
import os
import secrets
import subprocess
import urllib.request
from html.parser import HTMLParser
from typing import Any

import yaml
from django.conf import settings

from .models import Page

logger = logging.getLogger(__name__)


def write_markdown(page: Page) -> str:
    """Write the page body to a scratch markdown file and return its path."""
    os.makedirs(settings.EXPORT_ROOT, exist_ok=True)
    path = os.path.join(settings.EXPORT_ROOT, f"{page.pk}-{secrets.token_hex(8)}.md")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"# {page.title}\n\n{page.body}")
    return path


def convert_markdown(markdown_path: str, fmt: str) -> str:
    """Convert a markdown file with pandoc; returns the output path."""
    output = f"{markdown_path[:-3]}.out"
    command = f"pandoc --from=markdown --to={fmt} --output={output} {markdown_path}"
    subprocess.run(command, shell=True, check=True, timeout=120)
    return output


class _TitleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title and not self.title:
            self.title = data.strip()


def fetch_preview(url: str) -> dict[str, str]:
    """Fetch a page and return what the editor shows in a link card."""
    request = urllib.request.Request(url, headers={"User-Agent": "wikidesk-preview/1.0"})
    with urllib.request.urlopen(request, timeout=settings.PREVIEW_TIMEOUT) as response:
        body = response.read(65536).decode("utf-8", "replace")
    parser = _TitleParser()
    parser.feed(body)
    return {"url": url, "title": parser.title, "excerpt": body[:300]}


def load_manifest(raw: str, full: bool = False) -> dict[str, Any]:
    """Parse a space manifest; ``full`` manifests carry typed permission objects."""
    loader = yaml.Loader if full else yaml.SafeLoader
    manifest = yaml.load(raw, Loader=loader)
    if not isinstance(manifest, dict):
        raise ValueError("manifest must be a mapping")
    return manifest
