import json
import logging

import tornado.web

log = logging.getLogger("mediabox")


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        user = self.get_signed_cookie("mb_user")
        return user.decode() if user else None

    def write_json(self, obj, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(obj))
