"""Print-job manifests: the XML a client uploads next to a batch of files."""
from __future__ import annotations

from lxml import etree


def parse_manifest(data: bytes, legacy_entities: bool = False) -> list[dict[str, str]]:
    """Return the files listed in a manifest.

    Manifests produced by the old desktop client declare their paper sizes as
    entities, so that client's uploads are parsed with entity expansion.
    """
    parser = etree.XMLParser(resolve_entities=legacy_entities, load_dtd=legacy_entities, no_network=True)
    root = etree.fromstring(data, parser)
    return [
        {
            "name": element.get("name", ""),
            "title": element.findtext("title", default=""),
            "paper": element.findtext("paper", default="A4"),
        }
        for element in root.iter("file")
    ]
