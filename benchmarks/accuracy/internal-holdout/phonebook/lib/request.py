"""Minimal request object over the WSGI environ (pre-dates our use of a framework)."""
from http.cookies import SimpleCookie
from urllib.parse import parse_qs


class Request(object):

    def __init__(self, environ):
        self.environ = environ
        self.path = environ.get("PATH_INFO", "/")
        self.method = environ.get("REQUEST_METHOD", "GET")
        self.args = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        self.form = {}
        if self.method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length).decode("utf-8", "replace")
            self.form = parse_qs(body, keep_blank_values=True)
        self.cookies = SimpleCookie(environ.get("HTTP_COOKIE", ""))
        self.session = {}

    def param(self, name, default=""):
        values = self.form.get(name) or self.args.get(name)
        return values[0] if values else default

    def cookie(self, name, default=""):
        morsel = self.cookies.get(name)
        return morsel.value if morsel is not None else default

    def raw_body(self):
        length = int(self.environ.get("CONTENT_LENGTH") or 0)
        return self.environ["wsgi.input"].read(length)
