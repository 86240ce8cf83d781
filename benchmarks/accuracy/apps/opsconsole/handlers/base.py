from __future__ import annotations

import json
import logging

import tornado.web

log = logging.getLogger("opsconsole")


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("operator")

    def write_json(self, payload: object, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload, default=str))
