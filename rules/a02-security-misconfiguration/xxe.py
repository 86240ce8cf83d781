import xml.sax

import defusedxml.lxml
from lxml import etree


def parse(request):
    body = request.body
    parser = etree.XMLParser(resolve_entities=True)
    # ruleid: secsdlc.python.misconfiguration.xxe
    etree.fromstring(body, parser)


def parse_sax(request):
    sax = xml.sax.make_parser()
    sax.setFeature(xml.sax.handler.feature_external_ges, True)
    # ruleid: secsdlc.python.misconfiguration.xxe
    sax.parse(request.FILES["doc"])


def parse_safe(request):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: secsdlc.python.misconfiguration.xxe
    etree.fromstring(request.body, parser)
    # ok: secsdlc.python.misconfiguration.xxe
    defusedxml.lxml.fromstring(request.body)


def parse_sax_safe(request):
    sax = xml.sax.make_parser()
    sax.setFeature(xml.sax.handler.feature_external_ges, False)
    # ok: secsdlc.python.misconfiguration.xxe
    sax.parse(request.FILES["doc"])
