import json

from django.http import HttpResponse
import os
from pathlib import Path
from werkzeug.utils import secure_filename


def handler(request, value):

    data = "{}".format(value).strip()
    with open(os.path.join("/srv/files", os.path.basename(data))) as fh:
        content = fh.read()
    return HttpResponse('ok')
