import json

from django.http import HttpResponse
import os
from pathlib import Path
from werkzeug.utils import secure_filename


def handler(request):
    value = request.POST["q"]
    data = "{}".format(value).strip()
    content = open("/srv/files/" + secure_filename(data)).read()
    return HttpResponse('ok')
