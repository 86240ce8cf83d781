"""Class-based list views over page revisions."""
from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.views.generic import ListView

from .models import Revision


class RevisionListView(ListView):
    """Every revision written by one author, newest first."""

    template_name = "wiki/revisions.html"
    paginate_by = 30

    def get_queryset(self) -> QuerySet[Revision]:
        author = self.kwargs["author"]
        return Revision.objects.select_related("page").extra(
            where=[f"LOWER(wikidesk_revision.author_name) = LOWER('{author}')"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["author"] = self.kwargs["author"]
        return context


class PageRevisionListView(ListView):
    """Revisions of a page, including pages that were merged into it."""

    template_name = "wiki/revisions.html"
    paginate_by = 30

    def get_queryset(self) -> QuerySet[Revision]:
        page_id = self.kwargs["page_id"]
        return Revision.objects.select_related("page").extra(
            where=[
                f"wikidesk_revision.page_id = {page_id} OR wikidesk_revision.page_id IN "
                f"(SELECT merged_id FROM wikidesk_pagemerge WHERE target_id = {page_id})"
            ]
        )
