"""REST API for dashboards, integrations and the mail provider's webhooks."""
from __future__ import annotations

import logging

import requests
from django.conf import settings
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Ticket, stats_for_queue_team, stats_for_team
from .serializers import (
    BounceSerializer,
    ComplaintSerializer,
    IntegrationSerializer,
    ProviderTestSerializer,
    TicketSerializer,
)

logger = logging.getLogger("helpdesk.api")
HTTP_TIMEOUT = 5


def _notify(url: str, payload: dict[str, object]) -> int:
    resp = requests.post(url, json=payload, timeout=HTTP_TIMEOUT)
    return resp.status_code


class TicketStatsView(APIView):
    def get(self, request: Request) -> Response:
        team = request.query_params.get("team", "support")
        rows = stats_for_team(team)
        return Response({status_name: count for status_name, count in rows})


class QueueStatsView(APIView):
    def get(self, request: Request) -> Response:
        team = request.query_params.get("team", "support")
        rows = stats_for_queue_team(team)
        return Response({queue: count for queue, count in rows})


class IntegrationViewSet(viewsets.ViewSet):
    def create(self, request: Request) -> Response:
        serializer = IntegrationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        code = _notify(serializer.validated_data["callback_url"], {"event": "integration.created"})
        return Response({"callback_status": code}, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["post"])
    def test_provider(self, request: Request) -> Response:
        serializer = ProviderTestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        url = settings.INTEGRATION_PROVIDERS[serializer.validated_data["provider"]]
        return Response({"status": _notify(url, {"event": "test"})})


class BounceWebhookView(APIView):
    def post(self, request: Request) -> Response:
        serializer = BounceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        logger.warning("mail bounced for %s", serializer.validated_data["recipient"])
        return Response(status=status.HTTP_202_ACCEPTED)


class ComplaintWebhookView(APIView):
    def post(self, request: Request) -> Response:
        serializer = ComplaintSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        logger.warning("complaint received for %s", serializer.validated_data["recipient"])
        return Response(status=status.HTTP_202_ACCEPTED)


class TicketViewSet(viewsets.ModelViewSet):
    serializer_class = TicketSerializer

    def get_queryset(self):
        queryset = Ticket.objects.open().select_related("queue")
        status_filter = self.request.query_params.get("status")
        if status_filter:
            queryset = queryset.filter(status=status_filter)
        return queryset.order_by("-created_at")

    def perform_create(self, serializer: TicketSerializer) -> None:
        ticket = serializer.save()
        logger.info("ticket %d created through the API", ticket.pk)
