"""HTTP front end of the clinic desk, one handler class dispatching on the path."""

from __future__ import annotations

import base64
import html
import http.cookies
import json
import logging
import os
import pickle
import re
import shlex
import uuid
import xml.etree.ElementTree as ElementTree
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

from . import accounts, reports, storage
from .config import SETTINGS

log = logging.getLogger("clinicdesk")

REPORT_DIR = os.path.join(SETTINGS.data_dir, "reports")
INVOICE_DIR = os.path.join(SETTINGS.data_dir, "invoices")
UPLOAD_DIR = os.path.join(SETTINGS.data_dir, "uploads")
EXPORT_DIR = os.path.join(SETTINGS.data_dir, "exports")
LEGACY_PREF_FORMAT = False
SORTABLE = ("last_name", "first_name", "born", "created")
LANGUAGES = ("en", "fr", "de", "nl")
HOSTNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]{0,252}")
DOSE_FACTORS = {"paracetamol": "15", "ibuprofen": "10", "amoxicillin": "25"}

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Clinic desk</title></head>
<body>{content}</body></html>"""


class ClinicHandler(BaseHTTPRequestHandler):
    server_version = "ClinicDesk/0.3"

    # -- request helpers -------------------------------------------------

    def _query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.path).query)

    def _arg(self, name: str, default: str = "") -> str:
        values = self._query().get(name)
        return values[0] if values else default

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length)

    def _form(self) -> dict[str, str]:
        fields = parse_qs(self._body().decode("utf-8", "replace"))
        return {key: values[0] for key, values in fields.items()}

    def _cookie(self, name: str) -> str | None:
        jar = http.cookies.SimpleCookie(self.headers.get("Cookie", ""))
        morsel = jar.get(name)
        return morsel.value if morsel is not None else None

    # -- response helpers ------------------------------------------------

    def _send_html(self, content: str, status: int = 200) -> None:
        payload = PAGE.format(content=content).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _send_json(self, data: Any, status: int = 200) -> None:
        payload = json.dumps(data, default=str).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _send_bytes(self, data: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _fail(self, status: int, message: str) -> None:
        self._send_json({"error": message}, status)

    # -- dispatch --------------------------------------------------------

    def do_GET(self) -> None:
        route = urlparse(self.path).path
        if route == "/":
            self._home()
        elif route == "/appointments/doctor":
            self._appointments_by_doctor()
        elif route == "/appointments/room":
            self._appointments_by_room(self._query())
        elif route == "/patients/search":
            self._patient_search()
        elif route == "/patients":
            self._patient_list()
        elif route == "/devices/ping":
            self._device_ping()
        elif route == "/devices/trace":
            self._device_trace(self._query())
        elif route == "/welcome":
            self._welcome()
        elif route == "/notice":
            self._notice()
        elif route == "/profile/link":
            self._profile_link()
        elif route == "/profile/card":
            self._profile_card(self._query())
        elif route == "/reports/download":
            self._download_report()
        elif route == "/invoices/download":
            self._download_invoice()
        elif route == "/attachments/view":
            self._attachment_view()
        elif route == "/attachments/thumb":
            self._attachment_thumb()
        elif route == "/drafts/restore":
            self._restore_draft()
        elif route == "/prefs":
            self._restore_prefs()
        elif route == "/letters/download":
            self._download_letter(self._query())
        elif route == "/letters/export":
            self._export_letter()
        elif route == "/lang":
            self._set_language()
        elif route == "/lang/pref":
            self._language_pref()
        elif route == "/trace":
            self._echo_trace_id()
        elif route == "/correlation":
            self._echo_correlation_id()
        elif route == "/static-hint":
            self._cache_hint()
        elif route == "/static-max-age":
            self._static_max_age()
        elif route == "/formulary":
            self._formulary_lookup()
        elif route == "/formulary/code":
            self._formulary_code()
        elif route == "/wards/roster":
            self._ward_roster(self._query())
        elif route == "/wards/roster/on-call":
            self._ward_roster_on_call()
        elif route == "/sso/callback":
            self._sso_callback()
        elif route == "/health":
            self._send_json({"status": "ok", "appointments_today": storage.count_today()})
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        route = urlparse(self.path).path
        if route == "/exports/archive":
            self._export_archive()
        elif route == "/exports/compress":
            self._export_compress(self._form())
        elif route == "/dose":
            self._dose()
        elif route == "/dose/convert":
            self._dose_convert()
        elif route == "/staff/register":
            self._register_staff()
        elif route == "/staff/password":
            self._change_password(self._form())
        elif route == "/imports/lab-results":
            self._import_lab_results()
        elif route == "/imports/vitals":
            self._import_vitals()
        elif route == "/imports/referral":
            self._import_referral(self._body())
        elif route == "/imports/insurance":
            self._import_insurance()
        elif route == "/login":
            self._login()
        else:
            self.send_error(404)

    # -- pages -----------------------------------------------------------

    def _home(self) -> None:
        count = storage.count_today()
        self._send_html("<h1>Clinic desk</h1><p>%d appointments today.</p>" % count)

    def _appointments_by_doctor(self) -> None:
        doctor = self._arg("doctor")
        sql = (
            "SELECT id, patient_id, starts_at FROM appointments "
            "WHERE doctor = '%s' AND status = 'booked' ORDER BY starts_at" % doctor
        )
        self._send_json(storage.run_query(sql))

    def _appointments_by_room(self, query: dict[str, list[str]]) -> None:
        room = query.get("room", ["0"])[0]
        try:
            room_no = int(room)
        except ValueError:
            self._fail(400, "room must be a number")
            return
        sql = (
            "SELECT id, patient_id, starts_at FROM appointments "
            "WHERE room = %d AND status = 'booked' ORDER BY starts_at" % room_no
        )
        self._send_json(storage.run_query(sql))

    def _patient_search(self) -> None:
        term = self._arg("q")
        order = html.escape(self._arg("sort", "last_name"))
        self._send_json(storage.search_patients(term, order))

    def _patient_list(self) -> None:
        order = self._arg("sort", "last_name")
        if order not in SORTABLE:
            self._fail(400, "unknown sort column")
            return
        self._send_json(storage.search_patients("", order))

    def _device_ping(self) -> None:
        host = self._arg("host").strip()
        output = reports.run_shell("ping -c 1 -W 2 " + host)
        self._send_json({"output": output})

    def _device_trace(self, query: dict[str, list[str]]) -> None:
        host = query.get("host", [""])[0].strip()
        if not HOSTNAME.fullmatch(host):
            self._fail(400, "not a host name")
            return
        output = reports.run_shell("traceroute -m 8 " + host)
        self._send_json({"output": output})

    def _export_archive(self) -> None:
        name = self._form().get("name", "")
        if not re.match(r"[\w-]+", name):
            self._fail(400, "invalid archive name")
            return
        command = "tar czf %s/%s.tgz -C %s records" % (EXPORT_DIR, name, SETTINGS.data_dir)
        status = os.system(command)
        self._send_json({"status": status})

    def _export_compress(self, form: dict[str, str]) -> None:
        name = os.path.basename(form.get("name", "export"))
        archive = shlex.quote(f"{EXPORT_DIR}/{name}.tgz")
        status = os.system(f"tar czf {archive} -C {SETTINGS.data_dir} records")
        self._send_json({"status": status})

    def _welcome(self) -> None:
        name = self._arg("name", "colleague")
        self._send_html("<h1>Welcome back, " + name + "</h1><p><a href='/'>Desk</a></p>")

    def _notice(self) -> None:
        parts = ["<div class='notice'>"]
        parts.append(html.escape(self._arg("msg")))
        parts.append("</div>")
        self._send_html("".join(parts))

    def _profile_link(self) -> None:
        website = self._arg("website")
        label = html.escape(self._arg("name", "profile"))
        href = html.escape(website, quote=False)
        self._send_html(f'<p>Homepage: <a href="{href}">{label}</a></p>')

    def _profile_card(self, query: dict[str, list[str]]) -> None:
        website = query.get("website", ["#"])[0]
        if urlparse(website).scheme not in ("http", "https"):
            website = "#"
        href = html.escape(website)
        content = '<div class="card"><a href="%s" rel="nofollow">Homepage</a></div>' % href
        self._send_html(content)

    def _download_report(self) -> None:
        name = self._arg("file").replace("../", "")
        path = os.path.join(REPORT_DIR, name)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            self.send_error(404)
            return
        self._send_bytes(data, "application/pdf")

    def _download_invoice(self) -> None:
        name = os.path.basename(self._arg("file"))
        path = os.path.realpath(os.path.join(INVOICE_DIR, name))
        if not path.startswith(INVOICE_DIR + os.sep):
            self.send_error(404)
            return
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            self.send_error(404)
            return
        self._send_bytes(data, "application/pdf")

    def _attachment_view(self) -> None:
        path = os.path.join(UPLOAD_DIR, self._arg("name"))
        if not path.startswith(UPLOAD_DIR):
            self.send_error(403)
            return
        self._send_bytes(reports.read_blob(path), "application/octet-stream")

    def _attachment_thumb(self) -> None:
        path = os.path.realpath(os.path.join(UPLOAD_DIR, self._arg("name")))
        if os.path.commonpath([path, UPLOAD_DIR]) != UPLOAD_DIR:
            self.send_error(403)
            return
        self._send_bytes(reports.read_blob(path), "image/png")

    def _restore_draft(self) -> None:
        raw = self._cookie("draft")
        if raw is None:
            self._send_json({"draft": None})
            return
        draft = pickle.loads(base64.urlsafe_b64decode(raw))
        self._send_json({"draft": draft})

    def _restore_prefs(self) -> None:
        raw = self._cookie("prefs")
        if raw is None:
            self._send_json({"prefs": {}})
            return
        decoded = base64.urlsafe_b64decode(raw)
        if LEGACY_PREF_FORMAT:
            prefs = pickle.loads(decoded)
        else:
            prefs = json.loads(decoded)
        self._send_json({"prefs": prefs})

    def _dose(self) -> None:
        form = self._form()
        weight = form.get("weight", "0")
        factor = DOSE_FACTORS.get(form.get("drug", ""), "0")
        self._send_json({"mg": reports.evaluate(f"{weight} * {factor}")})

    def _dose_convert(self) -> None:
        form = self._form()
        try:
            weight = float(form.get("weight", "0"))
        except ValueError:
            self._fail(400, "weight must be a number")
            return
        factor = DOSE_FACTORS.get(form.get("drug", ""), "0")
        self._send_json({"mg": reports.evaluate(f"{weight} * {factor}")})

    def _register_staff(self) -> None:
        form = self._form()
        username, password = form.get("username", ""), form.get("password", "")
        if len(password) < 10:
            self._fail(400, "password too short")
            return
        accounts.create_staff(username, password)
        self._send_json({"created": True}, 201)

    def _change_password(self, form: dict[str, str]) -> None:
        user = accounts.session_user(self._cookie("clinic_sid"))
        if user is None:
            self._fail(401, "login required")
            return
        if not accounts.check_credentials(user, form.get("current", "")):
            self._fail(403, "wrong password")
            return
        accounts.update_password(user, form.get("new", ""))
        self._send_json({"changed": True})

    def _import_lab_results(self) -> None:
        results = reports.parse_lab_results(self._body())
        self._send_json({"imported": len(results)})

    def _import_vitals(self) -> None:
        root = ElementTree.fromstring(self._body())
        readings = [(m.get("kind"), m.text) for m in root.iter("measure")]
        self._send_json({"imported": len(readings)})

    def _import_referral(self, body: bytes) -> None:
        fields = reports.read_referral(body, follow_entities=True)
        self._send_json({"fields": sorted(fields)})

    def _import_insurance(self) -> None:
        fields = reports.read_referral(self._body(), follow_entities=False)
        self._send_json({"fields": sorted(fields)})

    def _download_letter(self, query: dict[str, list[str]]) -> None:
        letter_id = int(query.get("id", ["0"])[0])
        filename = query.get("filename", ["letter.pdf"])[0]
        data = reports.read_blob(os.path.join(SETTINGS.data_dir, "letters", "%d.pdf" % letter_id))
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Disposition", 'attachment; filename="%s"' % filename)
        self.end_headers()
        self.wfile.write(data)

    def _export_letter(self) -> None:
        letter_id = int(self._arg("id", "0"))
        filename = self._arg("filename", "letter.pdf")
        data = reports.read_blob(os.path.join(SETTINGS.data_dir, "letters", "%d.pdf" % letter_id))
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Disposition", "attachment; filename*=UTF-8''" + quote(filename))
        self.end_headers()
        self.wfile.write(data)

    def _set_language(self) -> None:
        lang = self._arg("lang", "en")
        payload = json.dumps({"lang": "set"}).encode()
        self.send_response(200)
        self.send_header("Content-Language", lang)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def _language_pref(self) -> None:
        lang = self._arg("lang", "en")
        lang = lang if lang in LANGUAGES else "en"
        payload = json.dumps({"lang": "set"}).encode()
        self.send_response(200)
        self.send_header("Content-Language", lang)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def _echo_trace_id(self) -> None:
        request_id = self._arg("rid") or uuid.uuid4().hex
        self.send_response(204)
        self.send_header("X-Request-Id", request_id)
        self.end_headers()

    def _echo_correlation_id(self) -> None:
        request_id = self._arg("rid")
        if not request_id.isalnum():
            request_id = uuid.uuid4().hex
        self.send_response(204)
        self.send_header("X-Request-Id", request_id)
        self.end_headers()

    def _cache_hint(self) -> None:
        max_age = self._arg("max_age", "300")
        self.send_response(204)
        self.send_header("Cache-Control", "public, max-age=" + max_age)
        self.end_headers()

    def _static_max_age(self) -> None:
        try:
            max_age = max(0, min(int(self._arg("max_age", "300")), 86400))
        except ValueError:
            max_age = 300
        self.send_response(204)
        self.send_header("Cache-Control", "public, max-age=" + str(max_age))
        self.end_headers()

    def _formulary_lookup(self) -> None:
        name = self._arg("drug")
        nodes = reports.reference_nodes("//drug[@name='%s']/dose/text()" % name)
        self._send_json({"doses": [str(n) for n in nodes]})

    def _formulary_code(self) -> None:
        code = self._arg("code")
        nodes = reports.reference_nodes("//drug[@code=$code]/dose/text()", code=code)
        self._send_json({"doses": [str(n) for n in nodes]})

    def _ward_roster(self, query: dict[str, list[str]]) -> None:
        ward = query.get("ward", ["1"])[0].strip()
        expression = "//nurse[ward=" + ward + "]/@name"
        self._send_json({"nurses": [str(n) for n in reports.reference_nodes(expression)]})

    def _ward_roster_on_call(self) -> None:
        try:
            ward = int(self._arg("ward", "1"))
        except ValueError:
            self._fail(400, "ward must be a number")
            return
        expression = "//nurse[ward=" + str(ward) + " and @on_call='yes']/@name"
        self._send_json({"nurses": [str(n) for n in reports.reference_nodes(expression)]})

    def _login(self) -> None:
        form = self._form()
        username = form.get("username", "")
        if not accounts.check_credentials(username, form.get("password", "")):
            self._fail(401, "wrong username or password")
            return
        token = accounts.open_session(username)
        self.send_response(303)
        self.send_header("Location", "/")
        self.send_header("Set-Cookie", f"clinic_sid={token}; Path=/; SameSite=Lax")
        self.end_headers()

    def _sso_callback(self) -> None:
        username = accounts.redeem_ticket(self._arg("ticket"))
        if username is None:
            self._fail(401, "ticket expired")
            return
        jar = http.cookies.SimpleCookie()
        jar["clinic_sid"] = accounts.open_session(username)
        jar["clinic_sid"]["path"] = "/"
        jar["clinic_sid"]["secure"] = True
        jar["clinic_sid"]["httponly"] = True
        jar["clinic_sid"]["samesite"] = "Lax"
        self.send_response(303)
        self.send_header("Location", "/")
        self.send_header("Set-Cookie", jar["clinic_sid"].OutputString())
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), self.command)


def serve() -> None:
    logging.basicConfig(level=logging.INFO)
    httpd = ThreadingHTTPServer(("127.0.0.1", SETTINGS.listen_port), ClinicHandler)
    log.info("listening on port %d", SETTINGS.listen_port)
    httpd.serve_forever()


if __name__ == "__main__":
    serve()
