import json

from django.http import HttpResponse
import os
from pathlib import Path
from werkzeug.utils import secure_filename


def handler(request):
    value = request.GET.get("q", "")
    os.remove(os.path.join("/srv/uploads", value))
    return HttpResponse('ok')
