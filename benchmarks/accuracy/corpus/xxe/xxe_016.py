import json

from django.http import HttpResponse
import xml.sax
from lxml import etree
import defusedxml.lxml


def handler(request):
    value = request.GET.get("q", "")
    data = "{}".format(value).strip()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.parse(data)
    return HttpResponse('ok')
