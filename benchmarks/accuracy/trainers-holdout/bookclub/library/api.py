"""JSON API used by the club's mobile app and the volunteers' tools."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import pickle
import re

from django.conf import settings
from django.shortcuts import get_object_or_404
from ldap.filter import escape_filter_chars
from rest_framework import permissions, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import services
from .models import Book, Member, Promotion

log = logging.getLogger(__name__)

COVER_SIZE = re.compile(r"\d{2,4}x\d{2,4}")
COVER_SERVICE = "https://covers.openlibrary.org/b/isbn/{isbn}-M.jpg"


def _signature(payload: bytes) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), payload, hashlib.sha256).hexdigest()


class CoverResizeView(APIView):
    permission_classes = [permissions.IsAdminUser]

    def post(self, request: Request, book_id: int) -> Response:
        book = get_object_or_404(Book, pk=book_id)
        size = str(request.data.get("size", "200x300"))
        target = services.convert_cover(book.pk, size)
        return Response({"thumbnail": target})


class CoverThumbnailView(APIView):
    permission_classes = [permissions.IsAdminUser]

    def post(self, request: Request, book_id: int) -> Response:
        book = get_object_or_404(Book, pk=book_id)
        size = str(request.data.get("size", "120x180"))
        if not COVER_SIZE.fullmatch(size):
            return Response({"error": "size must look like 120x180"}, status=status.HTTP_400_BAD_REQUEST)
        target = services.convert_cover(book.pk, size)
        return Response({"thumbnail": target})


class CoverImportView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request: Request, book_id: int) -> Response:
        book = get_object_or_404(Book, pk=book_id)
        url = request.data.get("cover_url", "")
        if not url:
            return Response({"error": "cover_url is required"}, status=status.HTTP_400_BAD_REQUEST)
        image = services.fetch_bytes(url)
        book.cover = f"{book.pk}.jpg"
        book.save(update_fields=["cover"])
        return Response({"bytes": len(image)})


class CoverLookupView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request: Request, book_id: int) -> Response:
        book = get_object_or_404(Book, pk=book_id)
        isbn = re.sub(r"[^0-9X]", "", str(request.data.get("isbn", book.isbn)))
        image = services.fetch_bytes(COVER_SERVICE.format(isbn=isbn))
        book.cover = f"{book.pk}.jpg"
        book.save(update_fields=["cover"])
        return Response({"bytes": len(image)})


class ReadingListImportView(APIView):
    """The desktop app of 2019 uploads its reading list as a base64 blob."""

    permission_classes = [permissions.IsAuthenticated]

    def post(self, request: Request) -> Response:
        blob = base64.b64decode(request.data.get("blob", ""))
        items = pickle.loads(blob)
        return Response({"count": len(items)})


class ReadingListRestoreView(APIView):
    """Restores a reading list this server exported earlier with its own signature."""

    permission_classes = [permissions.IsAuthenticated]

    def post(self, request: Request) -> Response:
        blob = base64.b64decode(request.data.get("blob", ""))
        signature = str(request.data.get("signature", ""))
        if not hmac.compare_digest(signature, _signature(blob)):
            return Response({"error": "unknown export"}, status=status.HTTP_400_BAD_REQUEST)
        items = pickle.loads(blob)
        return Response({"count": len(items)})


class PromotionViewSet(viewsets.ViewSet):
    permission_classes = [permissions.IsAdminUser]

    def list(self, request: Request) -> Response:
        return Response([{"id": p.pk, "name": p.name} for p in Promotion.objects.all()])

    def create(self, request: Request) -> Response:
        rule = str(request.data.get("rule", "total > 0"))
        applies = services.rule_applies(rule, 50)
        promotion = Promotion.objects.create(name=str(request.data.get("name", "")), rule=rule)
        return Response({"id": promotion.pk, "applies_to_50": applies}, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        promotion = get_object_or_404(Promotion, pk=pk)
        try:
            threshold = int(request.data.get("threshold", 0))
        except (TypeError, ValueError):
            return Response({"error": "threshold must be whole euros"}, status=status.HTTP_400_BAD_REQUEST)
        rule = "total >= %d" % threshold
        applies = services.rule_applies(rule, 50)
        promotion.rule = rule
        promotion.save(update_fields=["rule"])
        return Response({"id": promotion.pk, "applies_to_50": applies})


class NewsletterViewSet(viewsets.ViewSet):
    permission_classes = [permissions.IsAuthenticated]

    def create(self, request: Request) -> Response:
        template_text = str(request.data.get("template", ""))
        member = get_object_or_404(Member, pk=request.data.get("member"))
        html = services.render_block(template_text, member=member.display_name, note="")
        return Response({"html": html})

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        block = services.NEWSLETTER_BLOCKS.get(pk or "", services.NEWSLETTER_BLOCKS["welcome"])
        note = request.query_params.get("note", "")
        member = get_object_or_404(Member, pk=request.query_params.get("member"))
        html = services.render_block(block, member=member.display_name, note=note)
        return Response({"html": html})


class DirectoryView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request: Request) -> Response:
        name = request.query_params.get("name", "")
        entries = services.directory_search("(&(objectClass=person)(cn=*%s*))" % name)
        return Response({"entries": [e.get("cn", [b""])[0].decode() for e in entries]})


class DirectoryMailView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request: Request) -> Response:
        mail = escape_filter_chars(request.query_params.get("mail", ""))
        entries = services.directory_search("(&(objectClass=person)(mail=%s))" % mail)
        return Response({"entries": [e.get("cn", [b""])[0].decode() for e in entries]})
