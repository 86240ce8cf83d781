"""Class-based views for team leads: workload, exports and integrations."""
from __future__ import annotations

import logging
import os
from urllib.parse import urlparse

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.views import View

from . import conf, integrations, reports

log = logging.getLogger(__name__)


class TeamWorkloadView(LoginRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        rows = reports.workload_for_team(self.kwargs["team"])
        return JsonResponse({"workload": [{"agent": a, "open": n} for a, n in rows]})


class TeamBacklogView(LoginRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        rows = reports.backlog_for_team(int(self.kwargs["team_id"]))
        return JsonResponse({"backlog": dict(rows)})


class ExportDownloadView(LoginRequiredMixin, View):
    """Serve a CSV export produced by the nightly job."""

    def get(self, request, *args, **kwargs):
        name = self.request.GET.get("file", "")
        if ".." in name:
            raise Http404("no such export")
        path = os.path.join(conf.EXPORT_ROOT, name)
        if not os.path.isfile(path):
            raise Http404("no such export")
        return FileResponse(open(path, "rb"), as_attachment=True)


class ExportPreviewView(LoginRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        name = os.path.basename(self.request.GET.get("file", ""))
        path = os.path.join(conf.EXPORT_ROOT, name)
        if not name or not os.path.isfile(path):
            raise Http404("no such export")
        with open(path, encoding="utf-8") as fh:
            head = [next(fh, "") for _ in range(20)]
        return HttpResponse("".join(head), content_type="text/plain; charset=utf-8")


class WebhookTestView(LoginRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        url = request.POST.get("url", "")
        status = integrations.send_webhook(url, {"text": "Helpdesk test notification"})
        return JsonResponse({"status": status})


class WebhookSaveView(LoginRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        url = request.POST.get("url", "")
        if not integrations.webhook_allowed(url):
            return JsonResponse({"error": "unsupported webhook host"}, status=400)
        status = integrations.send_webhook(url, {"text": "Helpdesk webhook saved"})
        return JsonResponse({"status": status})


class AvatarImportView(LoginRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        url = request.POST.get("avatar_url", "")
        host = urlparse(url).hostname or ""
        if not host.endswith("gravatar.com"):
            return JsonResponse({"error": "only Gravatar images can be imported"}, status=400)
        data = integrations.download_avatar(url)
        return JsonResponse({"bytes": len(data)})


class AvatarRefreshView(LoginRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        url = request.POST.get("avatar_url", "")
        parsed = urlparse(url)
        if parsed.scheme != "https" or parsed.hostname not in ("gravatar.com", "www.gravatar.com"):
            return JsonResponse({"error": "only Gravatar images can be imported"}, status=400)
        data = integrations.download_avatar(url)
        return JsonResponse({"bytes": len(data)})
