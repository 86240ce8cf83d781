"""Tornado request handlers for the dashboard and its JSON API."""
import configparser
import io
import ipaddress
import json
import logging
import os
import re
from xml.dom import minidom

import defusedxml.ElementTree as SafeET
import ldap.filter
import tornado.web
import yaml
from lxml import etree
from tornado.escape import xhtml_escape

from . import alerts, checks, config, logfiles, services
from .directory import directory

log = logging.getLogger("statuswatch.web")

LEVEL_PATTERNS = {
    "error": re.compile(r"\b(ERROR|CRITICAL)\b"),
    "warning": re.compile(r"\bWARNING\b"),
    "info": re.compile(r"\bINFO\b"),
}


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        value = self.get_secure_cookie("sw_user")
        return value.decode() if value else None

    def json_body(self) -> dict:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "body must be JSON")
        if not isinstance(data, dict):
            raise tornado.web.HTTPError(400, "body must be a JSON object")
        return data


class DashboardHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        self.render("dashboard.html", checks=config.CHECKS, metrics=alerts.current_metrics())


class StatusJsonHandler(BaseHandler):
    def get(self):
        metrics = alerts.current_metrics()
        firing = [name for name, rule in config.ALERT_RULES.items() if alerts.evaluate_condition(rule, metrics)]
        self.write({"checks": len(config.CHECKS), "firing": firing, "metrics": metrics})


class LogoutHandler(BaseHandler):
    def post(self):
        self.clear_cookie("sw_user")
        self.redirect("/login")


# --- checks -------------------------------------------------------------

class CheckNowHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        url = self.get_body_argument("url")
        result = await checks.http_check(url)
        self.write(result)


class CheckByIdHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, check_id):
        check = config.CHECKS.get(int(check_id))
        if check is None:
            raise tornado.web.HTTPError(404)
        result = await checks.http_check(check["url"], timeout=float(self.get_argument("timeout", "10")))
        self.write(result)


class WebhookTestHandler(BaseHandler):
    """Test a notifier block pasted from statuswatch.ini before saving it."""

    @tornado.web.authenticated
    def post(self):
        parser = configparser.ConfigParser()
        try:
            parser.read_string(self.request.body.decode("utf-8"))
            url = parser.get("notifier", "url")
        except (UnicodeDecodeError, configparser.Error):
            raise tornado.web.HTTPError(400, "expected a [notifier] section with a url")
        status = checks.post_json(url, {"text": parser.get("notifier", "message", fallback="statuswatch test notification")})
        self.write({"status": status})


class NotifyChannelHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        data = self.json_body()
        url = config.WEBHOOKS.get(data.get("channel", ""))
        if url is None:
            raise tornado.web.HTTPError(404, "no such channel")
        status = checks.post_json(url, {"text": data.get("message", "")[:500]})
        self.write({"status": status})


class ProbeHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self):
        host = self.get_query_argument("host")
        result = await checks.http_check(f"http://{host}:{config.HEALTH_PORT}/health")
        self.write(result)


class ProbeServiceHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self):
        host = self.get_query_argument("host")
        if host not in config.MONITORED_HOSTS:
            raise tornado.web.HTTPError(403)
        result = await checks.http_check(f"http://{host}:{config.HEALTH_PORT}/health")
        self.write(result)


class PingHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        host = self.get_argument("host")
        self.write(checks.ping(host))


class PingCheckedHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        host = self.get_argument("host")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.-]{0,252}", host):
            self.set_status(400)
            self.write({"error": "not a host name"})
            return
        self.write(checks.ping(host))


class DnsLookupHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("name")
        if not re.match(r"[\w.-]+", name):
            raise tornado.web.HTTPError(400)
        self.write({"name": name, "answers": checks.dig(name)})


class ReverseLookupHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        try:
            ip = str(ipaddress.ip_address(self.get_argument("ip")))
        except ValueError:
            raise tornado.web.HTTPError(400)
        self.write({"ip": ip, "answers": checks.dig("-x " + ip)})


# --- alert rules --------------------------------------------------------

class RuleTestHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        expression = self.json_body().get("expression", "")
        self.write({"fires": alerts.evaluate(expression, alerts.current_metrics())})


class RuleCheckHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, rule_name):
        expression = config.ALERT_RULES.get(rule_name)
        if expression is None:
            raise tornado.web.HTTPError(404)
        self.write({"rule": rule_name, "fires": alerts.evaluate(expression, alerts.current_metrics())})


class FormulaPreviewHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        formula = self.get_body_argument("formula")
        namespace = {}
        exec(compile("def metric(m):\n    return " + formula, "<formula>", "exec"), {"__builtins__": {}}, namespace)
        self.write({"value": namespace["metric"](alerts.current_metrics())})


class ThresholdPreviewHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        condition = self.get_body_argument("condition")
        try:
            fires = alerts.evaluate_condition(condition, alerts.current_metrics())
        except ValueError as exc:
            raise tornado.web.HTTPError(400, str(exc))
        self.write({"fires": fires})


# --- login and people ---------------------------------------------------

class LoginHandler(BaseHandler):
    def post(self):
        username = self.get_body_argument("username")
        password = self.get_body_argument("password")
        uid = directory.authenticate(f"(&(objectClass=inetOrgPerson)(uid={username}))", password)
        if uid is None:
            self.set_status(401)
            self.render("login.html", error="Invalid credentials")
            return
        self.set_secure_cookie("sw_user", uid, expires_days=1, httponly=True, secure=True)
        self.redirect("/")


class TokenLoginHandler(BaseHandler):
    def post(self):
        data = self.json_body()
        username = ldap.filter.escape_filter_chars(str(data.get("username", "")))
        uid = directory.authenticate(f"(&(objectClass=inetOrgPerson)(uid={username}))", str(data.get("password", "")))
        if uid is None:
            raise tornado.web.HTTPError(401)
        self.set_secure_cookie("sw_user", uid, expires_days=1, httponly=True, secure=True)
        self.write({"ok": True})


class UserLookupHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        mail = xhtml_escape(self.get_argument("mail"))
        people = directory.find("(&(objectClass=inetOrgPerson)(mail=%s))" % mail)
        self.write({"people": people})


class GroupMembersHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, group):
        if not re.fullmatch(r"[a-z0-9_-]{1,64}", group):
            raise tornado.web.HTTPError(400)
        people = directory.find("(&(objectClass=inetOrgPerson)(memberOf=cn=%s,ou=groups,%s))" % (group, config.LDAP_BASE))
        self.write({"group": group, "people": people})


class OnCallHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        team = self.get_argument("team", "ops").replace("*", "")
        people = directory.find("(&(objectClass=inetOrgPerson)(departmentNumber=" + team + ")(employeeType=oncall))")
        self.write({"team": team, "people": people})


class ContactHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, uid):
        filterstr = ldap.filter.filter_format("(&(objectClass=inetOrgPerson)(uid=%s))", [uid])
        people = directory.find(filterstr)
        self.write({"people": people})


class PeopleSearchHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        clauses = ["(objectClass=inetOrgPerson)"]
        q = self.get_argument("q", "")
        if q:
            clauses.append("(cn=*%s*)" % q)
        if self.get_argument("active", "1") == "1":
            clauses.append("(!(nsAccountLock=TRUE))")
        people = directory.find("(&" + "".join(clauses) + ")")
        self.write({"people": people})


class MyProfileHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        clauses = ["(objectClass=inetOrgPerson)"]
        q = self.get_argument("q", "")
        if q:
            clauses.append("(uid=%s)" % self.current_user)
        people = directory.find("(&" + "".join(clauses) + ")")
        self.write({"me": people[0] if people else None})


# --- inventory and configuration ----------------------------------------

class ServiceStatusHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("name")
        tree = services.load_inventory()
        found = tree.xpath(f"//service[@name='{name}']")
        self.write({"services": services.services_from_tree(found[0]) if found else []})


class ServiceDetailHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("name")
        tree = services.load_inventory()
        found = tree.xpath("//service[@name=$name]", name=name)
        self.write({"services": services.services_from_tree(found[0]) if found else []})


class HostGroupHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, group):
        tree = services.load_inventory()
        hosts = tree.xpath("//group[@id='%s']/host/text()" % group)
        self.write({"group": group, "hosts": [str(h) for h in hosts]})


class HostGroupByIndexHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        index = int(self.get_argument("index", "1"))
        tree = services.load_inventory()
        hosts = tree.xpath("//group[position()=%d]/host/text()" % index)
        self.write({"index": index, "hosts": [str(h) for h in hosts]})


class ConfigUploadHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
        root = etree.fromstring(self.request.body, parser)
        self.write({"services": services.services_from_tree(root)})


class ConfigValidateHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        root = SafeET.fromstring(self.request.body)
        self.write({"services": [{"name": s.get("name"), "url": s.findtext("url", "")} for s in root.iter("service")]})


class ImportChecksHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        upload = self.request.files["file"][0]
        doc = minidom.parseString(upload["body"], services.expanding_parser())
        self.write({"services": services.dom_services(doc)})


class PreviewChecksHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        upload = self.request.files["file"][0]
        doc = minidom.parseString(upload["body"])
        self.write({"services": services.dom_services(doc)})


class YamlConfigUploadHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        data = yaml.unsafe_load(io.BytesIO(self.request.body))
        self.write({"checks": len((data or {}).get("checks", {}))})


class YamlConfigPreviewHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        data = yaml.safe_load(io.BytesIO(self.request.body))
        self.write({"checks": len((data or {}).get("checks", {}))})


# --- logs ---------------------------------------------------------------

class LogViewHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, name):
        path = os.path.join(config.LOG_DIR, name)
        if not os.path.isfile(path):
            raise tornado.web.HTTPError(404)
        self.render("log.html", name=name, lines=logfiles.tail(path))


class LogFileHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, name):
        if name not in logfiles.available_logs():
            raise tornado.web.HTTPError(404)
        path = os.path.join(config.LOG_DIR, name)
        self.render("log.html", name=name, lines=logfiles.tail(path))


class LogDownloadHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("file")
        if ".." in name:
            raise tornado.web.HTTPError(400)
        path = os.path.join(config.LOG_DIR, name)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.write("".join(logfiles.tail(path, lines=5000)))


class ArchivedLogHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("file")
        path = os.path.normpath(os.path.join(config.LOG_DIR, "archive", name))
        if os.path.commonpath([config.LOG_DIR, path]) != config.LOG_DIR:
            raise tornado.web.HTTPError(400)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.write("".join(logfiles.tail(path, lines=5000)))


class LogSearchHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        pattern = re.compile(self.get_argument("q"))
        lines = [ln for ln in logfiles.tail(os.path.join(config.LOG_DIR, "statuswatch.log"), 5000) if pattern.search(ln)]
        self.write({"lines": lines[-500:]})


class LogLevelHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        pattern = LEVEL_PATTERNS.get(self.get_argument("level", "error"), LEVEL_PATTERNS["error"])
        lines = [ln for ln in logfiles.tail(os.path.join(config.LOG_DIR, "statuswatch.log"), 5000) if pattern.search(ln)]
        self.write({"lines": lines[-500:]})


class AckAlertHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, alert_id):
        note = self.get_body_argument("note", "")
        log.info("alert %s acknowledged by %s: %s", alert_id, self.current_user, note)
        self.write({"ok": True})


class SilenceAlertHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, alert_id):
        note = self.get_body_argument("note", "").replace("\r", "\\r").replace("\n", "\\n")
        log.info("alert %s silenced by %s: %s", alert_id, self.current_user, note)
        self.write({"ok": True})
