"""Profile notes API (Django REST framework)."""
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .db import run_query


class NoteQuerySerializer(serializers.Serializer):
    title = serializers.CharField(max_length=120)
    kind = serializers.ChoiceField(choices=["public", "private", "pinned"])


class NotesByTitle(APIView):
    def get(self, request):
        params = NoteQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        title = params.validated_data["title"]
        rows = run_query("SELECT id, body FROM profile_notes WHERE owner_id = %d AND title = '%s'" % (request.user.pk, title))
        return Response({"notes": rows})


class NotesByKind(APIView):
    def get(self, request):
        params = NoteQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        kind = params.validated_data["kind"]
        rows = run_query("SELECT id, body FROM profile_notes WHERE owner_id = %d AND kind = '%s'" % (request.user.pk, kind))
        return Response({"notes": rows})
