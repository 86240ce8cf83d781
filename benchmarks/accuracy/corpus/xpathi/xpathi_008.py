import json

from django.http import HttpResponse
from lxml import etree


def handler(request):
    value = request.COOKIES.get("q", "")
    store = {}
    store["k"] = value
    data = store["k"]
    root = etree.parse("users.xml").getroot()
    nodes = root.xpath(f"//user[@id='{data}']/email/text()")
    return HttpResponse('ok')
