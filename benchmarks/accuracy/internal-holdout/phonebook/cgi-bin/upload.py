#!/usr/bin/env python3
"""CGI script behind the old "attach a document" form; still linked from the timesheet pages."""
import cgi
import os
import sys

sys.path.insert(0, "/var/www/phonebook")
from phonebook import settings  # noqa: E402

CHUNK = 64 * 1024


def _copy(item, path):
    with open(path, "wb") as out:
        while True:
            chunk = item.file.read(CHUNK)
            if not chunk:
                break
            out.write(chunk)


def action_store(form):
    item = form["document"]
    if not item.filename:
        return "no file"
    path = os.path.join(settings.UPLOAD_DIR, item.filename)
    _copy(item, path)
    return "stored %s" % os.path.basename(path)


def action_store_flat(form):
    item = form["document"]
    name = os.path.basename(item.filename or "")
    if name in ("", ".", ".."):
        return "no file"
    path = os.path.join(settings.UPLOAD_DIR, name)
    _copy(item, path)
    return "stored %s" % name


ACTIONS = {"store": action_store, "store_flat": action_store_flat}


def main():
    form = cgi.FieldStorage()
    action = ACTIONS.get(form.getfirst("action", "store_flat"), action_store_flat)
    message = action(form)
    sys.stdout.write("Content-Type: text/plain\r\n\r\n")
    sys.stdout.write(message + "\n")


if __name__ == "__main__":
    main()
