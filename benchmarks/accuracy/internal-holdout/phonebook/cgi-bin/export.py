#!/usr/bin/env python3
"""CGI script that hands out generated report files (served by the old Apache vhost)."""
import cgi
import sys

sys.path.insert(0, "/var/www/phonebook")
from phonebook.lib import db  # noqa: E402


def emit(headers, body=""):
    for name, value in headers:
        sys.stdout.write("%s: %s\r\n" % (name, value))
    sys.stdout.write("\r\n")
    sys.stdout.write(body)


def action_report(form):
    report = form.getfirst("report", "")
    emit([("Status", "302 Found"), ("Location", "/reports/%s.pdf" % report)])


def action_report_by_number(form):
    number = int(form.getfirst("report", "0"))
    row = db.query_one("SELECT id FROM reports WHERE id = %s", (number,))
    if row is None:
        emit([("Status", "404 Not Found"), ("Content-Type", "text/plain")], "no such report\n")
        return
    emit([("Status", "302 Found"), ("Location", "/reports/%d.pdf" % number)])


def main():
    form = cgi.FieldStorage()
    if form.getfirst("by") == "number":
        action_report_by_number(form)
    else:
        action_report(form)


if __name__ == "__main__":
    main()
