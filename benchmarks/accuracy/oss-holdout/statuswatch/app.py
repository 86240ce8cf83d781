"""Entry point: builds the Tornado application."""
import logging
import os

import tornado.ioloop
import tornado.web

from . import config, handlers as h


def make_app() -> tornado.web.Application:
    routes = [
        (r"/", h.DashboardHandler),
        (r"/status.json", h.StatusJsonHandler),
        (r"/logout", h.LogoutHandler),
        (r"/api/check", h.CheckNowHandler),
        (r"/api/check/(\d+)", h.CheckByIdHandler),
        (r"/api/webhook/test", h.WebhookTestHandler),
        (r"/api/notify", h.NotifyChannelHandler),
        (r"/api/probe", h.ProbeHandler),
        (r"/api/probe/service", h.ProbeServiceHandler),
        (r"/api/ping", h.PingHandler),
        (r"/api/ping/checked", h.PingCheckedHandler),
        (r"/api/dns", h.DnsLookupHandler),
        (r"/api/dns/reverse", h.ReverseLookupHandler),
        (r"/api/rules/test", h.RuleTestHandler),
        (r"/api/rules/([a-z_]+)", h.RuleCheckHandler),
        (r"/api/formula/preview", h.FormulaPreviewHandler),
        (r"/api/threshold/preview", h.ThresholdPreviewHandler),
        (r"/login", h.LoginHandler),
        (r"/api/login", h.TokenLoginHandler),
        (r"/people/lookup", h.UserLookupHandler),
        (r"/people/group/([^/]+)", h.GroupMembersHandler),
        (r"/people/oncall", h.OnCallHandler),
        (r"/people/contact/([^/]+)", h.ContactHandler),
        (r"/people/search", h.PeopleSearchHandler),
        (r"/people/me", h.MyProfileHandler),
        (r"/services/status", h.ServiceStatusHandler),
        (r"/services/detail", h.ServiceDetailHandler),
        (r"/services/group/([^/]+)", h.HostGroupHandler),
        (r"/services/group", h.HostGroupByIndexHandler),
        (r"/config/upload", h.ConfigUploadHandler),
        (r"/config/validate", h.ConfigValidateHandler),
        (r"/config/import", h.ImportChecksHandler),
        (r"/config/preview", h.PreviewChecksHandler),
        (r"/config/yaml", h.YamlConfigUploadHandler),
        (r"/config/yaml/preview", h.YamlConfigPreviewHandler),
        (r"/logs/view/(.*)", h.LogViewHandler),
        (r"/logs/file/([^/]+)", h.LogFileHandler),
        (r"/logs/download", h.LogDownloadHandler),
        (r"/logs/archive", h.ArchivedLogHandler),
        (r"/logs/search", h.LogSearchHandler),
        (r"/logs/level", h.LogLevelHandler),
        (r"/alerts/(\d+)/ack", h.AckAlertHandler),
        (r"/alerts/(\d+)/silence", h.SilenceAlertHandler),
    ]
    return tornado.web.Application(
        routes,
        cookie_secret=config.COOKIE_SECRET,
        login_url="/login",
        template_path=os.path.join(os.path.dirname(__file__), "templates"),
        xsrf_cookies=False,
    )


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    make_app().listen(config.PORT)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
