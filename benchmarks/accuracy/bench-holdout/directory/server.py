"""Lightweight directory lookups served to the phone system."""
import json
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, quote, urlparse

from ldap.filter import escape_filter_chars
from lxml import etree

from .ldapclient import Directory

STAFF_XML = "/srv/directory/staff.xml"
SUPPORTED_LANGS = ("en", "de", "fr")


class JsonHandler(BaseHTTPRequestHandler):
    def _params(self) -> dict:
        return {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}

    def _reply(self, payload) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


class MailLookupHandler(JsonHandler):
    def do_GET(self):
        mail = self._params().get("mail", "")
        flt = "(&(objectClass=person)(mail=" + mail + "))"
        self._reply(Directory().search(flt))


class GroupLookupHandler(JsonHandler):
    def do_GET(self):
        group = self._params().get("group", "")
        flt = "(&(objectClass=person)(memberOf=cn=" + escape_filter_chars(group) + ",ou=groups,dc=corp,dc=example))"
        self._reply(Directory().search(flt))


class StaffHandler(JsonHandler):
    def do_GET(self):
        name = self._params().get("name", "")
        tree = etree.parse(STAFF_XML)
        found = tree.xpath("//employee[name='" + name + "']/extension/text()")
        self._reply([str(x) for x in found])


class OfficeHandler(JsonHandler):
    def do_GET(self):
        office = self._params().get("office", "")
        tree = etree.parse(STAFF_XML)
        found = tree.xpath("//employee[office=$office]/name/text()", office=office)
        self._reply([str(x) for x in found])


class VCardHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        params = parse_qs(urlparse(self.path).query)
        fname = params.get("name", ["contact"])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/vcard")
        self.send_header("Content-Disposition", f'attachment; filename="{fname}.vcf"')
        self.end_headers()
        self.wfile.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n")


class NameTagHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        params = parse_qs(urlparse(self.path).query)
        fname = quote(params.get("name", ["nametag"])[0])
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Disposition", f'attachment; filename="{fname}.png"')
        self.end_headers()
        self.wfile.write(b"")


class GreetingHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        lang = parse_qs(urlparse(self.path).query).get("lang", ["en"])[0]
        self.send_response(200)
        self.send_header("Content-Language", lang)
        self.end_headers()
        self.wfile.write(b"Welcome")


class FarewellHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        lang = parse_qs(urlparse(self.path).query).get("lang", ["en"])[0]
        lang = lang if lang in SUPPORTED_LANGS else "en"
        self.send_response(200)
        self.send_header("Content-Language", lang)
        self.end_headers()
        self.wfile.write(b"See you soon")
