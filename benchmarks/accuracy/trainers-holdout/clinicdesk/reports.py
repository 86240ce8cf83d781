"""Lab integrations: device checks, XML imports and the reference data (formulary, ward rosters)."""

from __future__ import annotations

import functools
import io
import logging
import subprocess
import xml.sax
from xml.sax import handler as sax_handler

from lxml import etree

from .config import SETTINGS

log = logging.getLogger(__name__)

REFERENCE_PATH = SETTINGS.data_dir + "/reference.xml"


def run_shell(command: str) -> str:
    """Run one of the lab's diagnostic commands and return what it printed."""
    log.info("running diagnostic")
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return done.stdout


def evaluate(expression: str) -> float:
    """Dose formulas are stored as arithmetic so pharmacists can edit them."""
    return float(eval(expression, {"__builtins__": {}}, {}))


def read_blob(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def parse_lab_results(data: bytes) -> list[dict[str, str]]:
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    root = etree.fromstring(data, parser)
    results = []
    for item in root.iter("result"):
        results.append({"code": item.get("code", ""), "value": (item.text or "").strip()})
    return results


class ReferralHandler(sax_handler.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._current: str | None = None

    def startElement(self, name: str, attrs: object) -> None:
        self._current = name

    def characters(self, content: str) -> None:
        if self._current:
            self.fields[self._current] = self.fields.get(self._current, "") + content

    def endElement(self, name: str) -> None:
        self._current = None


def read_referral(data: bytes, follow_entities: bool) -> dict[str, str]:
    """Referral letters come from two partners; only one of them uses shared DTD fragments."""
    parser = xml.sax.make_parser()
    parser.setFeature(sax_handler.feature_external_ges, follow_entities)
    target = ReferralHandler()
    parser.setContentHandler(target)
    parser.parse(io.BytesIO(data))
    return target.fields


@functools.lru_cache(maxsize=1)
def _reference() -> etree._ElementTree:
    return etree.parse(REFERENCE_PATH)


def reference_nodes(expression: str, **variables: object) -> list[object]:
    return _reference().xpath(expression, **variables)
