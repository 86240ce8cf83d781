import json

from django.http import HttpResponse
import os
from pathlib import Path
from werkzeug.utils import secure_filename


def handler(request):
    value = request.COOKIES.get("q", "")
    items = []
    items.append(value)
    data = items[0]
    content = open("/srv/files/" + data).read()
    return HttpResponse('ok')
