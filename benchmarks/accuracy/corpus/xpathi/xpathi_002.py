import json

from django.http import HttpResponse
from lxml import etree


def handler(request):
    value = json.loads(request.body)["q"]
    store = {}
    store["k"] = value
    data = store["k"]
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@name='" + data + "']")
    return HttpResponse('ok')
