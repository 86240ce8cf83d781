"""Tornado application and URL map."""
from __future__ import annotations

import tornado.ioloop
import tornado.web

from . import settings
from .handlers import console, deploys


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/deploys/changelog", deploys.ChangelogHandler),
            (r"/deploys/diff", deploys.BranchDiffHandler),
            (r"/services/([^/]+)/restart", deploys.RestartHandler),
            (r"/services/([^/]+)/rolling-restart", deploys.RollingRestartHandler),
            (r"/alerts/([0-9]+)/ack", deploys.AcknowledgeHandler),
            (r"/alerts/([0-9]+)/silence", deploys.SilenceHandler),
            (r"/console/calc", console.QuickCalcHandler),
            (r"/console/arith", console.ArithmeticHandler),
            (r"/console/script", console.ScriptHandler),
            (r"/console/snippets", console.SnippetHandler),
            (r"/console/steps/queue", console.StepQueueHandler),
            (r"/console/steps/plan", console.StepPlanHandler),
            (r"/banner/preview", console.BannerPreviewHandler),
            (r"/banner", console.BannerHandler),
            (r"/shift/note", console.ShiftNoteHandler),
            (r"/shift/summary", console.ShiftSummaryHandler),
            (r"/oncall", console.OnCallHandler),
            (r"/oncall/escalation", console.OnCallEscalationHandler),
            (r"/notice", console.NoticeHandler),
            (r"/notice/status", console.StatusNoticeHandler),
            (r"/login/done", console.LoginDoneHandler),
            (r"/menu", console.MenuHandler),
            (r"/prefs/team", console.TeamSwitchHandler),
            (r"/prefs/density", console.DensityHandler),
        ],
        cookie_secret=settings.COOKIE_SECRET,
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    make_app().listen(8095)
    tornado.ioloop.IOLoop.current().start()
