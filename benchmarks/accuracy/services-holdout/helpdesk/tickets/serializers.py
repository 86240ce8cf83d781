"""DRF serializers for the integration API."""
from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from .models import Ticket


class IntegrationSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=80)
    callback_url = serializers.URLField()


class ProviderTestSerializer(serializers.Serializer):
    provider = serializers.ChoiceField(choices=sorted(settings.INTEGRATION_PROVIDERS))


class BounceSerializer(serializers.Serializer):
    recipient = serializers.CharField(max_length=254)
    reason = serializers.CharField(max_length=500, required=False)


class ComplaintSerializer(serializers.Serializer):
    recipient = serializers.EmailField()
    feedback_type = serializers.CharField(max_length=40, required=False)


class TicketSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ticket
        fields = ["id", "subject", "status", "priority", "queue", "created_at"]
        read_only_fields = ["id", "created_at"]
