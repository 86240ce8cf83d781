import json

from django.http import HttpResponse
import xml.sax
from lxml import etree
import defusedxml.lxml


def handler(request):
    value = json.loads(request.body)["q"]
    items = []
    items.append(value)
    data = items[0]
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(data, parser)
    return HttpResponse('ok')
