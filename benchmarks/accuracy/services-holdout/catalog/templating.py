"""Jinja2 set-up shared by the page routers."""
from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import Environment
from markupsafe import Markup

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
mail_env = Environment(autoescape=False, trim_blocks=True)


def badge_html(label: str, tone: str = "info") -> Markup:
    return Markup(f'<span class="badge badge-{tone}">{label}</span>')


def badge_markup(label: str, tone: str = "info") -> Markup:
    return Markup('<span class="badge badge-{}">{}</span>').format(tone, label)
