import json

from django.http import HttpResponse
from lxml import etree


def handler(request):
    value = request.GET.get("q", "")
    data = "%s" % value
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@id=%d]" % int(data))
    return HttpResponse('ok')
