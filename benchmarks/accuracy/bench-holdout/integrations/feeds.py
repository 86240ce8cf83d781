"""Feed previews for the partner dashboard (DRF)."""
import httpx
from rest_framework.response import Response
from rest_framework.views import APIView

PUBLIC_FEEDS = {
    "status": "https://status.partner.example/feed.xml",
    "changelog": "https://partner.example/changelog.xml",
}


class FeedPreview(APIView):
    def post(self, request):
        feed_url = request.data.get("feed", "")
        resp = httpx.get(feed_url, timeout=5.0)
        return Response({"status": resp.status_code, "size": len(resp.content)})


class FeedRefresh(APIView):
    def post(self, request):
        feed_url = PUBLIC_FEEDS.get(request.data.get("feed", ""), PUBLIC_FEEDS["status"])
        resp = httpx.get(feed_url, timeout=5.0)
        return Response({"status": resp.status_code, "size": len(resp.content)})
