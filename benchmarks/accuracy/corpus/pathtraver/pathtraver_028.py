import json

from django.http import HttpResponse
import os
from pathlib import Path
from werkzeug.utils import secure_filename


def handler(request):
    value = request.GET.get("q", "")
    data = f"{value}"
    if data in ("a.txt", "b.txt"):
        content = open("/srv/files/" + data).read()
    return HttpResponse('ok')
