"""Report catalogue stored as XML next to the report definitions."""
from lxml import etree

CATALOG_PATH = "/etc/reports/catalog.xml"


class ReportCatalog:
    def __init__(self, path: str = CATALOG_PATH):
        self.tree = etree.parse(path)

    def find(self, expr: str, **variables) -> list[str]:
        return [el.get("id") for el in self.tree.xpath(expr, **variables)]
