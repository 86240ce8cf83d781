"""ViewSets for the mobile app."""
from __future__ import annotations

import hashlib
import logging
import os
import random
import re
import secrets
from pathlib import Path

import requests
from django.core import signing
from django.http import FileResponse, Http404
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from mobileapi import settings_local as conf
from mobileapi.api import serializers
from mobileapi.lib import media, push
from mobileapi.lib.leaderboard import LeaderboardRepository
from mobileapi.models import Account, Challenge, Exercise, Invite, MediaItem, Workout

log = logging.getLogger("mobileapi.api")

CHALLENGE_SQL = "SELECT id, title, starts, ends FROM challenges WHERE active = %s ORDER BY {col} {direction}"
LOCALES = ("en", "de", "fr", "es", "pt-br")


class LeaderboardViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]
    repository_class = LeaderboardRepository

    def list(self, request: Request) -> Response:
        region = request.query_params.get("region", "")
        repo = self.repository_class(period_days=7)
        rows = repo.top(region, limit=50)
        return Response([{"id": r[0], "name": r[1], "points": r[2]} for r in rows])

    @action(detail=False, methods=["get"])
    def friends(self, request: Request) -> Response:
        ids = request.query_params.getlist("id")
        repo = self.repository_class(period_days=7)
        rows = repo.among(ids)
        return Response([{"id": r[0], "name": r[1], "points": r[2]} for r in rows])


class WorkoutViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Workout.objects.all()

    @action(detail=False, methods=["get"])
    def search(self, request: Request) -> Response:
        term = request.query_params.get("q", "")
        qs = Workout.objects.filter(public=True).extra(where=["position(lower('%s') in lower(title)) > 0" % term])
        return Response(list(qs.values("id", "title")[:50]))

    @action(detail=False, methods=["get"])
    def tagged(self, request: Request) -> Response:
        tag = request.query_params.get("tag", "")
        qs = Workout.objects.filter(public=True).extra(where=["tags @> ARRAY[%s]::text[]"], params=[tag])
        return Response(list(qs.values("id", "title")[:50]))


class ChallengeViewSet(viewsets.ViewSet):
    def _ordering(self, raw: str) -> tuple[str, str]:
        direction = "DESC" if raw.startswith("-") else "ASC"
        return raw.lstrip("-"), direction

    def list(self, request: Request) -> Response:
        col, direction = self._ordering(request.query_params.get("ordering", "-starts"))
        if not re.match(r"[a-z_]+", col):
            return Response({"detail": "unsupported ordering"}, status=status.HTTP_400_BAD_REQUEST)
        rows = Challenge.objects.raw(CHALLENGE_SQL.format(col=col, direction=direction), [True])
        return Response([{"id": c.id, "title": c.title} for c in rows])

    @action(detail=False, methods=["get"])
    def archived(self, request: Request) -> Response:
        col, direction = self._ordering(request.query_params.get("ordering", "-ends"))
        if not re.fullmatch(r"[a-z_]{1,30}", col):
            return Response({"detail": "unsupported ordering"}, status=status.HTTP_400_BAD_REQUEST)
        rows = Challenge.objects.raw(CHALLENGE_SQL.format(col=col, direction=direction), [False])
        return Response([{"id": c.id, "title": c.title} for c in rows])


class MediaViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]

    def _item_path(self, media_id: int) -> Path:
        item = MediaItem.objects.get(pk=media_id, owner=self.request.user)
        return conf.MEDIA_ROOT / item.storage_key

    @action(detail=False, methods=["post"])
    def thumbnail(self, request: Request) -> Response:
        ser = serializers.ThumbnailSpecSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        src = self._item_path(ser.validated_data["media_id"])
        dst = media.make_thumbnail(src, ser.validated_data["scale"])
        return Response({"thumbnail": dst.name})

    @action(detail=False, methods=["post"])
    def preview(self, request: Request) -> Response:
        ser = serializers.ThumbnailSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        src = self._item_path(ser.validated_data["media_id"])
        size = "%d:%d" % (ser.validated_data["width"], ser.validated_data["height"])
        dst = media.make_thumbnail(src, size)
        return Response({"preview": dst.name})


class ExportViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]

    @action(detail=False, methods=["get"])
    def download(self, request: Request) -> FileResponse:
        filename = request.query_params.get("file", "")
        path = conf.EXPORT_ROOT / str(request.user.pk) / filename
        if not path.exists():
            raise Http404
        return FileResponse(open(path, "rb"), as_attachment=True)

    @action(detail=False, methods=["get"], permission_classes=[])
    def signed(self, request: Request) -> FileResponse:
        try:
            payload = signing.loads(request.query_params.get("t", ""), salt=conf.DOWNLOAD_SALT, max_age=3600)
        except signing.BadSignature:
            raise Http404
        path = conf.EXPORT_ROOT / str(payload["uid"]) / payload["file"]
        return FileResponse(open(path, "rb"), as_attachment=True)


class AvatarViewSet(viewsets.ViewSet):
    lookup_value_regex = r"[0-9]+"

    def retrieve(self, request: Request, pk: str) -> FileResponse:
        path = conf.AVATAR_ROOT / "full" / f"{pk}.jpg"
        if not path.exists():
            raise Http404
        return FileResponse(open(path, "rb"), content_type="image/jpeg")

    @action(detail=True, methods=["get"])
    def variant(self, request: Request, pk: str) -> FileResponse:
        size = request.query_params.get("size", "small")
        path = os.path.join(conf.AVATAR_ROOT, pk, size)
        if not os.path.exists(path):
            raise Http404
        return FileResponse(open(path, "rb"), content_type="image/jpeg")

    @action(detail=False, methods=["post"], permission_classes=[IsAuthenticated])
    def import_url(self, request: Request) -> Response:
        url = str(request.data.get("url", ""))
        if "http" not in url:
            log.info("avatar import without scheme")
        resp = requests.get(url, timeout=10)
        Account.objects.filter(pk=request.user.pk).update(avatar_blob=resp.content[:2_000_000])
        return Response({"size": len(resp.content)})

    @action(detail=False, methods=["post"], permission_classes=[IsAuthenticated])
    def import_gravatar(self, request: Request) -> Response:
        email = str(request.data.get("email", request.user.email)).strip().lower()
        url = "https://www.gravatar.com/avatar/" + hashlib.sha256(email.encode()).hexdigest() + "?s=256&d=404"
        resp = requests.get(url, timeout=10)
        Account.objects.filter(pk=request.user.pk).update(avatar_blob=resp.content[:2_000_000])
        return Response({"size": len(resp.content)})


class PushWebhookViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]

    @action(detail=False, methods=["post"])
    def test(self, request: Request) -> Response:
        ser = serializers.WebhookSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        code = push.post_event(ser.validated_data["callback_url"], {"type": "test", "user": request.user.pk})
        return Response({"status": code})

    @action(detail=False, methods=["post"])
    def provider_test(self, request: Request) -> Response:
        ser = serializers.WebhookSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        try:
            url = conf.PUSH_PROVIDERS[ser.validated_data.get("provider", "fcm")]
        except KeyError:
            return Response({"detail": "unknown provider"}, status=status.HTTP_400_BAD_REQUEST)
        code = push.post_event(url, {"type": "test", "user": request.user.pk})
        return Response({"status": code})


class SyncViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]

    @action(detail=False, methods=["post"])
    def resume(self, request: Request) -> Response:
        state = push.load_sync_state(request.data.get("state", ""))
        return Response({"cursor": state.get("cursor"), "pending": len(state.get("queue", []))})

    @action(detail=False, methods=["post"])
    def resume_signed(self, request: Request) -> Response:
        try:
            state = push.load_signed_state(request.data.get("state", ""))
        except signing.BadSignature:
            return Response({"detail": "expired"}, status=status.HTTP_409_CONFLICT)
        return Response({"cursor": state.get("cursor"), "pending": len(state.get("queue", []))})


class ProfileViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]

    @action(detail=False, methods=["post"])
    def switch_team(self, request: Request) -> Response:
        team_id = request.data.get("team_id")
        request.session["team_id"] = team_id
        return Response({"team": team_id})

    @action(detail=False, methods=["post"])
    def switch_locale(self, request: Request) -> Response:
        locale = str(request.data.get("locale", "en")).lower()
        if locale not in LOCALES:
            return Response({"detail": "unsupported"}, status=status.HTTP_400_BAD_REQUEST)
        request.session["locale"] = locale
        return Response({"locale": locale})


class ExerciseViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Exercise.objects.all()

    @action(detail=False, methods=["get"])
    def match(self, request: Request) -> Response:
        expr = request.query_params.get("name", "")
        names = Exercise.objects.values_list("name", flat=True)
        return Response([n for n in names if re.search(expr, n, re.I)])

    @action(detail=False, methods=["get"])
    def contains(self, request: Request) -> Response:
        text = request.query_params.get("name", "")
        names = Exercise.objects.values_list("name", flat=True)
        return Response([n for n in names if re.search(re.escape(text), n, re.I)])


class AccountViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]

    @action(detail=False, methods=["post"])
    def set_pin(self, request: Request) -> Response:
        pin = str(request.data.get("pin", ""))
        if not pin.isdigit() or len(pin) != 6:
            return Response({"detail": "pin must be 6 digits"}, status=status.HTTP_400_BAD_REQUEST)
        Account.objects.filter(pk=request.user.pk).update(pin_hash=hashlib.sha256(pin.encode()).hexdigest())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=False, methods=["post"])
    def set_password(self, request: Request) -> Response:
        ser = serializers.PasswordSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        salt = os.urandom(16)
        derived = hashlib.pbkdf2_hmac("sha256", ser.validated_data["password"].encode(), salt, 600_000)
        Account.objects.filter(pk=request.user.pk).update(password_kdf=salt.hex() + "$" + derived.hex())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=False, methods=["post"])
    def send_code(self, request: Request) -> Response:
        code = "%06d" % random.randrange(0, 1_000_000)
        Account.objects.filter(pk=request.user.pk).update(phone_code=code)
        log.info("verification code issued for user %s", request.user.pk)
        return Response({"sent": True})

    @action(detail=False, methods=["post"])
    def send_email_code(self, request: Request) -> Response:
        code = "%06d" % secrets.randbelow(1_000_000)
        Account.objects.filter(pk=request.user.pk).update(email_code=code)
        log.info("email code issued for user %s", request.user.pk)
        return Response({"sent": True})


class InviteViewSet(viewsets.ViewSet):
    permission_classes = [IsAuthenticated]

    @action(detail=False, methods=["post"])
    def create_code(self, request: Request) -> Response:
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        code = "".join(random.choices(alphabet, k=8))
        Invite.objects.create(team_id=request.user.team_id, code=code)
        return Response({"code": code}, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["get"])
    def suggestions(self, request: Request) -> Response:
        members = list(Account.objects.filter(team_id=request.user.team_id).values("id", "display_name")[:30])
        random.shuffle(members)
        return Response(members[:5])
