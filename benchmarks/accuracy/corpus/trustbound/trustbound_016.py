import json

from django.http import HttpResponse
from flask import session


def handler(request, value):

    data = f"{value}"
    session["page"] = int(data)
    return HttpResponse('ok')
