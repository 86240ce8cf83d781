"""URL configuration."""
from __future__ import annotations

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from .accounts import views as account_views
from .tickets import api, kb, views

router = DefaultRouter()
router.register("integrations", api.IntegrationViewSet, basename="integration")
router.register("tickets", api.TicketViewSet, basename="ticket")

urlpatterns = [
    path("tickets/search/", views.ticket_search, name="ticket-search"),
    path("tickets/by-queue/", views.ticket_search_by_queue, name="ticket-by-queue"),
    path("tickets/", views.TicketListView.as_view(), name="ticket-list"),
    path("tickets/escalated/", views.EscalatedListView.as_view(), name="ticket-escalated"),
    path("teams/<slug:team>/tickets/<int:pk>/", views.TicketDetailView.as_view(), name="ticket-detail"),
    path("tickets/counts/", views.ticket_counts, name="ticket-counts"),
    path("tickets/<int:pk>/assign/", views.TicketAssignView.as_view(), name="ticket-assign"),
    path("tickets/preview/", views.ticket_preview, name="ticket-preview"),
    path("tickets/reply-preview/", views.reply_preview, name="reply-preview"),
    path("kb/", views.KnowledgeBaseView.as_view(), name="kb"),
    path("kb/search/", views.KnowledgeSearchView.as_view(), name="kb-search"),
    path("kb/article/by-title/", kb.article_by_title, name="kb-article-title"),
    path("kb/article/by-slug/", kb.article_by_slug, name="kb-article-slug"),
    path("attachments/<path:name>", views.download_attachment, name="attachment"),
    path("reports/<slug:name>/", views.download_report, name="report"),
    path("tickets/<int:pk>/checksum/", views.attachment_checksum, name="attachment-checksum"),
    path("tickets/<int:pk>/macro/", views.render_macro, name="ticket-macro"),
    path("tickets/<int:pk>/canned/", views.render_canned_reply, name="ticket-canned"),
    path("tickets/<int:pk>/comments/", views.TicketCommentView.as_view(), name="ticket-comment"),
    path("tickets/<int:pk>/close/", views.TicketCloseView.as_view(), name="ticket-close"),
    path("i18n/language/", views.return_after_language, name="set-language"),
    path("i18n/timezone/", views.return_after_timezone, name="set-timezone"),
    path("portal/feedback/", views.FeedbackView.as_view(), name="portal-feedback"),
    path("portal/survey/", views.SurveyView.as_view(), name="portal-survey"),
    path("portal/<int:pk>/<str:token>/", account_views.portal_login, name="portal-login"),
    path("portal/<int:pk>/<str:token>/magic/", account_views.portal_magic_login, name="portal-magic"),
    path("account/team/", account_views.switch_team, name="switch-team"),
    path("account/team/join/", account_views.join_team_view, name="join-team"),
    path("account/escalation/", account_views.set_escalation_level, name="escalation"),
    path("account/escalation/form/", account_views.EscalationLevelView.as_view(), name="escalation-form"),
    path("account/pin/reset/", account_views.reset_agent_pin, name="pin-reset"),
    path("account/pin/", account_views.set_agent_pin, name="pin-set"),
    path("kiosks/", account_views.register_kiosk, name="kiosk-register"),
    path("tickets/<int:pk>/portal-link/", account_views.issue_portal_link, name="portal-link"),
    path("tickets/<int:pk>/portal-link/rotate/", account_views.rotate_portal_link, name="portal-rotate"),
    path("api/stats/tickets/", api.TicketStatsView.as_view(), name="api-ticket-stats"),
    path("api/stats/queues/", api.QueueStatsView.as_view(), name="api-queue-stats"),
    path("api/webhooks/bounce/", api.BounceWebhookView.as_view(), name="api-bounce"),
    path("api/webhooks/complaint/", api.ComplaintWebhookView.as_view(), name="api-complaint"),
    path("api/", include(router.urls)),
]
