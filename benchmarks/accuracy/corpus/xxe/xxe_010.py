import json

from django.http import HttpResponse
import xml.sax
from lxml import etree
import defusedxml.lxml


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = f"{value}"
    parser = etree.XMLParser(no_network=False, load_dtd=True)
    doc = etree.fromstring(data, parser=parser)
    return HttpResponse('ok')
