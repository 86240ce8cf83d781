import json

from django.http import HttpResponse
import os
from pathlib import Path
from werkzeug.utils import secure_filename


def handler(request):
    value = json.loads(request.body)["q"]
    store = {}
    store["k"] = value
    data = store["k"]
    content = Path("/srv/files", data).read_text()
    return HttpResponse('ok')
