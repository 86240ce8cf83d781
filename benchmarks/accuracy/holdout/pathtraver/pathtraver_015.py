import json

from django.http import HttpResponse
import os
from pathlib import Path
from werkzeug.utils import secure_filename


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = " ".join([value])
    os.remove(os.path.join("/srv/uploads", data))
    return HttpResponse('ok')
