"""URL configuration."""
from __future__ import annotations

from django.urls import path

from . import api, pages, views

app_name = "wiki"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_results, name="search"),
    path("tags/", views.tag_results, name="tags"),
    path("language/", views.switch_language, name="language"),
    path("timezone/", views.switch_timezone, name="timezone"),
    path("spaces/select/", views.select_space, name="select-space"),
    path("spaces/follow/", views.follow_space, name="follow-space"),
    path("pages/<slug:slug>/export/", views.export_page, name="export-page"),
    path("revisions/<int:revision_id>/export/", views.export_revision, name="export-revision"),
    path("pages/<int:page_id>/attachment/", views.download_attachment, name="attachment"),
    path("pages/<int:page_id>/exports/", views.download_export, name="export-download"),
    path("pages/<int:page_id>/report/", views.report_abuse, name="report-abuse"),
    path("pages/<int:page_id>/broken-link/", views.report_broken_link, name="report-link"),
    path("revisions/by/<str:author>/", pages.RevisionListView.as_view(), name="revisions-by-author"),
    path("pages/<int:page_id>/revisions/", pages.PageRevisionListView.as_view(), name="page-revisions"),
    path("api/pages/search/", api.PageSearchView.as_view()),
    path("api/pages/fulltext/", api.PageFulltextView.as_view()),
    path("api/previews/link/", api.LinkPreviewView.as_view()),
    path("api/previews/video/", api.VideoPreviewView.as_view()),
    path("api/spaces/import/", api.SpaceImportView.as_view()),
    path("api/spaces/validate/", api.SpaceValidateView.as_view()),
    path("api/people/", api.PeopleSearchView.as_view()),
    path("api/people/team/", api.TeamMembersView.as_view()),
]
