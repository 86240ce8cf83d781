"""Plain-text notification rendering."""
from __future__ import annotations

from typing import Any, Mapping

import jinja2

_env = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render_text(template_text: str, context: Mapping[str, Any]) -> str:
    """Render a notification template."""
    return _env.from_string(template_text).render(**context)
