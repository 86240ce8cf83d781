"""JSON API used by the editor and the people directory widget."""
from __future__ import annotations

import logging
import re

from ldap.filter import escape_filter_chars
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import directory, repository, services

logger = logging.getLogger(__name__)

VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")


class PageSearchView(APIView):
    def get(self, request: Request) -> Response:
        terms = request.query_params.get("q", "").split()[:5]
        if not terms:
            return Response({"results": []})
        return Response({"results": repository.search_titles(terms)})


class PageFulltextView(APIView):
    def get(self, request: Request) -> Response:
        terms = request.query_params.get("q", "").split()[:5]
        if not terms:
            return Response({"results": []})
        return Response({"results": repository.search_bodies(terms)})


class LinkPreviewView(APIView):
    def post(self, request: Request) -> Response:
        url = str(request.data.get("url", ""))
        if not url.startswith(("http://", "https://")):
            return Response({"detail": "only web links can be previewed"}, status=status.HTTP_400_BAD_REQUEST)
        return Response(services.fetch_preview(url))


class VideoPreviewView(APIView):
    def post(self, request: Request) -> Response:
        video_id = str(request.data.get("video_id", ""))
        if not VIDEO_ID.fullmatch(video_id):
            return Response({"detail": "not a video id"}, status=status.HTTP_400_BAD_REQUEST)
        url = f"https://www.youtube.com/oembed?format=json&url=https://youtu.be/{video_id}"
        return Response(services.fetch_preview(url))


class SpaceImportView(APIView):
    parser_classes = [MultiPartParser]

    def post(self, request: Request) -> Response:
        upload = request.FILES.get("manifest")
        if upload is None:
            return Response({"detail": "manifest file missing"}, status=status.HTTP_400_BAD_REQUEST)
        manifest = services.load_manifest(upload.read().decode("utf-8"), full=True)
        logger.info("space manifest imported with %d pages", len(manifest.get("pages", [])))
        return Response({"pages": len(manifest.get("pages", []))}, status=status.HTTP_201_CREATED)


class SpaceValidateView(APIView):
    parser_classes = [MultiPartParser]

    def post(self, request: Request) -> Response:
        upload = request.FILES.get("manifest")
        if upload is None:
            return Response({"detail": "manifest file missing"}, status=status.HTTP_400_BAD_REQUEST)
        try:
            manifest = services.load_manifest(upload.read().decode("utf-8"))
        except ValueError as exc:
            return Response({"valid": False, "detail": str(exc)})
        return Response({"valid": True, "pages": len(manifest.get("pages", []))})


class PeopleSearchView(APIView):
    def get(self, request: Request) -> Response:
        name = request.query_params.get("name", "").strip()
        if len(name) < 2:
            return Response({"results": []})
        people = directory.find_people(f"(&(objectClass=inetOrgPerson)(cn=*{name}*))")
        return Response({"results": people})


class TeamMembersView(APIView):
    def get(self, request: Request) -> Response:
        team = request.query_params.get("team", "").strip()
        if not team:
            return Response({"results": []})
        people = directory.find_people(f"(&(objectClass=inetOrgPerson)(ou={escape_filter_chars(team)}))")
        return Response({"results": people})
