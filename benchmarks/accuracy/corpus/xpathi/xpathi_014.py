import json

from django.http import HttpResponse
from lxml import etree


def handler(request):
    value = json.loads(request.body)["q"]
    data = "{}".format(value).strip()
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@id=%d]" % int(data))
    return HttpResponse('ok')
