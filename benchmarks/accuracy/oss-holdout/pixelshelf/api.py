"""Read-only JSON API used by the mobile app, plus settings import."""
import yaml
from rest_framework import generics, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Album, Photo

SETTING_KEYS = ("default_album", "thumbnail_size", "theme", "sort_order")


class AlbumSerializer(serializers.ModelSerializer):
    class Meta:
        model = Album
        fields = ["id", "title", "slug", "description", "is_public"]


class PhotoSerializer(serializers.ModelSerializer):
    class Meta:
        model = Photo
        fields = ["id", "album", "title", "camera", "taken_at"]


class AlbumListView(generics.ListAPIView):
    serializer_class = AlbumSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        qs = Album.objects.filter(owner=self.request.user)
        prefix = self.request.query_params.get("prefix")
        if prefix:
            qs = qs.extra(where=[f"UPPER(title) LIKE UPPER('{prefix}%%')"])
        return qs


class PhotoListView(generics.ListAPIView):
    serializer_class = PhotoSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        qs = Photo.objects.filter(album__owner=self.request.user)
        prefix = self.request.query_params.get("prefix")
        if prefix:
            qs = qs.extra(where=["UPPER(title) LIKE UPPER(%s)"], params=[prefix + "%"])
        return qs


def _apply_settings(user, data):
    applied = {k: data[k] for k in SETTING_KEYS if isinstance(data, dict) and k in data}
    user.profile_settings = applied
    return applied


class SettingsImportView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request):
        data = yaml.load(request.body, Loader=yaml.Loader)
        return Response({"applied": _apply_settings(request.user, data)})


class PreferencesImportView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request):
        data = yaml.load(request.body, Loader=yaml.SafeLoader)
        return Response({"applied": _apply_settings(request.user, data)})
