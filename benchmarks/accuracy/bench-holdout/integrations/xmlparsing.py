"""Parser factory shared by the XML import endpoints."""
from lxml import etree


def make_parser(expand_entities: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=expand_entities,
        load_dtd=expand_entities,
        no_network=not expand_entities,
        huge_tree=False,
    )


def parse_upload(fileobj, expand_entities: bool = False):
    parser = make_parser(expand_entities)
    return etree.parse(fileobj, parser)
