from __future__ import annotations

from rest_framework import serializers


class ThumbnailSerializer(serializers.Serializer):
    media_id = serializers.IntegerField()
    width = serializers.IntegerField(min_value=16, max_value=1024)
    height = serializers.IntegerField(min_value=16, max_value=1024)


class ThumbnailSpecSerializer(serializers.Serializer):
    media_id = serializers.IntegerField()
    scale = serializers.CharField(max_length=32)


class WebhookSerializer(serializers.Serializer):
    callback_url = serializers.CharField()
    provider = serializers.CharField(required=False)


class PasswordSerializer(serializers.Serializer):
    password = serializers.CharField(min_length=10)
