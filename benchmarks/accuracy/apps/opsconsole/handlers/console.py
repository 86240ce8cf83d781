"""The run-book console: quick expressions, snippets and message templates."""
from __future__ import annotations

import io

import tornado.escape
import tornado.template
import tornado.web
from ldap.filter import filter_format
from mako.template import Template as MakoTemplate

from .. import groups, runbooks, settings
from .base import BaseHandler

PAGE_BANNER = "<div class='banner'>{{ message }}</div>"
SHIFT_NOTE = "Shift hand-over from ${operator}: ${summary}"


class QuickCalcHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        expr = self.get_body_argument("expr", "0")
        self.write_json({"result": runbooks.run_step(expr)})


class ArithmeticHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        try:
            left, op, right = self.get_body_argument("expr", "0 + 0").split()
            if op not in settings.OPERATORS:
                raise ValueError(op)
            code = f"{float(left)} {op} {float(right)}"
        except ValueError:
            raise tornado.web.HTTPError(400) from None
        self.write_json({"result": runbooks.run_step(code)})


class ScriptHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        buf = io.StringIO()
        buf.write("report['started'] = time.time()\n")
        buf.write(self.request.body.decode("utf-8"))
        self.write_json(runbooks.execute(buf))


class SnippetHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        buf = io.StringIO()
        buf.write("report['started'] = time.time()\n")
        for name in self.get_body_arguments("snippet"):
            if name in settings.SNIPPETS:
                buf.write(settings.SNIPPETS[name] + "\n")
        self.write_json(runbooks.execute(buf))


class StepQueueHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        steps = ["os.getloadavg()"]
        steps.append(self.get_body_argument("step", "time.time()"))
        code = steps.pop()
        self.write_json({"result": runbooks.run_step(code)})


class StepPlanHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        steps = [self.get_body_argument("step", "time.time()")]
        steps.append("os.getloadavg()")
        code = steps.pop()
        self.write_json({"planned": steps, "result": runbooks.run_step(code)})


class BannerPreviewHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        markup = self.get_body_argument("template", PAGE_BANNER)
        self.finish(tornado.template.Template(markup).generate(message="Maintenance tonight"))


class BannerHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        message = self.get_body_argument("message", "")
        self.finish(tornado.template.Template(PAGE_BANNER).generate(message=message))


class ShiftNoteHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        note = self.get_body_argument("note", SHIFT_NOTE)
        text = MakoTemplate(note).render(operator=self.current_user, summary="all green")
        self.write_json({"text": text})


class ShiftSummaryHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        summary = self.get_body_argument("summary", "")
        text = MakoTemplate(SHIFT_NOTE).render(operator=self.current_user, summary=summary)
        self.write_json({"text": text})


class OnCallHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        group = self.get_argument("group", "sre-primary")
        self.write_json({"members": groups.members(f"(&(objectClass=posixGroup)(cn={group}))")})


class OnCallEscalationHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        group = self.get_argument("group", "sre-secondary")
        self.write_json({"members": groups.members(filter_format("(&(objectClass=posixGroup)(cn=%s))", [group]))})


class NoticeHandler(BaseHandler):
    def get(self):
        msg = self.get_argument("msg", "")
        self.write("<html><body><h2>" + msg + "</h2><a href='/'>Back to the console</a></body></html>")


class StatusNoticeHandler(BaseHandler):
    def get(self):
        msg = self.get_argument("msg", "")
        self.write("<html><body><h2>" + tornado.escape.xhtml_escape(msg) + "</h2><a href='/'>Back</a></body></html>")


class LoginDoneHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        self.redirect(self.get_argument("next", "/"))


class MenuHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        target = self.get_argument("next", "/")
        self.redirect(target if target in settings.MENU_PATHS else "/")


class TeamSwitchHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        self.set_secure_cookie("team", self.get_body_argument("team", ""))
        self.redirect("/")


class DensityHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        density = self.get_body_argument("density", "comfortable")
        self.set_secure_cookie("density", density if density in settings.DENSITIES else "comfortable")
        self.redirect("/")
