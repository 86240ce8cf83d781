"""Deploy history and service restarts."""
from __future__ import annotations

import logging
import re

import tornado.web

from .. import hostops, settings
from .base import BaseHandler

log = logging.getLogger("opsconsole.deploys")


class ChangelogHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        branch = self.get_query_argument("branch", "main")
        self.write_json({"log": hostops.git(f"log --oneline -20 {branch}").splitlines()})


class BranchDiffHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        branch = self.get_query_argument("branch", "main")
        if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch) or branch not in hostops.known_branches():
            raise tornado.web.HTTPError(404)
        self.write_json({"diff": hostops.git(f"diff --stat main...{branch}").splitlines()})


class RestartHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, service):
        self.write_json({"status": hostops.restart(service)})


class RollingRestartHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, service):
        if service not in settings.SERVICES:
            raise tornado.web.HTTPError(404)
        self.write_json({"status": hostops.restart(service)})


class AcknowledgeHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, alert_id):
        who = self.get_body_argument("operator", "unknown")
        logging.info("alert " + str(int(alert_id)) + " acknowledged by " + who)
        self.write_json({"acknowledged": int(alert_id)})


class SilenceHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, alert_id):
        who = re.sub(r"[\r\n]+", " ", self.get_body_argument("operator", "unknown"))
        logging.info("alert " + str(int(alert_id)) + " silenced by " + who)
        self.write_json({"silenced": int(alert_id)})
