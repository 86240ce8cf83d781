import os
from pathlib import Path
from flask import request, send_file, send_from_directory
from werkzeug.utils import secure_filename

BASE = "/srv/files"


def download():
    name = request.args["file"]
    # ruleid: secsdlc.python.access-control.path-traversal
    open(os.path.join(BASE, name)).read()
    # ruleid: secsdlc.python.access-control.path-traversal
    send_file(BASE + "/" + name)
    # ruleid: secsdlc.python.access-control.path-traversal
    Path(BASE, name).read_text()
    # ok: secsdlc.python.access-control.path-traversal
    open(os.path.join(BASE, os.path.basename(name))).read()
    # ok: secsdlc.python.access-control.path-traversal
    open(os.path.join(BASE, secure_filename(name))).read()
    # ok: secsdlc.python.access-control.path-traversal
    send_from_directory(BASE, name)
    full = os.path.realpath(os.path.join(BASE, name))
    if full.startswith(BASE + os.sep):
        # ok: secsdlc.python.access-control.path-traversal
        open(full).read()
    # ok: secsdlc.python.access-control.path-traversal
    open(os.path.join(BASE, "index.txt")).read()


def upload(request):
    f = request.FILES["doc"]
    # ruleid: secsdlc.python.access-control.path-traversal
    with open("/srv/uploads/" + f.name, "wb") as out:
        out.write(f.read())
