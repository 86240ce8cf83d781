"""The services.xml inventory and config uploads."""
import logging
import xml.sax
from xml.sax.handler import feature_external_ges

from lxml import etree

from . import config

log = logging.getLogger("statuswatch.services")


def load_inventory():
    return etree.parse(config.SERVICES_XML)


def services_from_tree(root) -> list:
    return [{"name": s.get("name"), "url": s.findtext("url", "")} for s in root.iter("service")]


def dom_services(doc) -> list:
    return [
        {"name": el.getAttribute("name"), "url": el.getAttribute("url")}
        for el in doc.getElementsByTagName("service")
    ]


def expanding_parser():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    return parser

