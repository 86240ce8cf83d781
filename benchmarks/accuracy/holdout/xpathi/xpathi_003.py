import json

from django.http import HttpResponse
from lxml import etree


def handler(request, value):

    data = "%s" % value
    tree = etree.parse("users.xml")
    nodes = tree.xpath("//user[@name='" + data + "']")
    return HttpResponse('ok')
