"""Turn plain comment text into light HTML."""
from __future__ import annotations

import re

_URL = re.compile(r"(https?://[^\s<]+)")


def linkify(text: str) -> str:
    """Wrap bare links in anchors and keep line breaks."""
    html = _URL.sub(r'<a href="\1" rel="nofollow noopener">\1</a>', text)
    return html.replace("\n", "<br>")
