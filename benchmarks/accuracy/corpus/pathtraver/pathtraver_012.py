import json

from django.http import HttpResponse
import os
from pathlib import Path
from werkzeug.utils import secure_filename


def handler(request, value):

    items = []
    items.append(value)
    data = items[0]
    content = Path("/srv/files", data).read_text()
    return HttpResponse('ok')
