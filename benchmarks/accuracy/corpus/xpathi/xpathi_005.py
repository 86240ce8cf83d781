import json

from django.http import HttpResponse
from lxml import etree


def handler(request):
    value = json.loads(request.body)["q"]
    data = " ".join([value])
    root = etree.parse("users.xml").getroot()
    nodes = root.xpath(f"//user[@id='{data}']/email/text()")
    return HttpResponse('ok')
