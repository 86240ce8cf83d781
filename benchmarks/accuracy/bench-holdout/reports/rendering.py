"""Layout rendering for saved report definitions."""
from jinja2 import Template

LAYOUTS = {
    "default": "<h1>{{ title }}</h1><p>{{ rows|length }} rows</p>",
    "compact": "<h2>{{ title }}</h2>",
}


class ReportRenderer:
    def __init__(self, layout: str):
        self.layout = layout

    def render(self, **data) -> str:
        return Template(self.layout).render(**data)
