import json

from django.http import HttpResponse
import xml.sax
from lxml import etree
import defusedxml.lxml


def handler(request, value):

    doc = defusedxml.lxml.fromstring(value)
    return HttpResponse('ok')
