"""Database models for spaces, pages and their revisions."""
from __future__ import annotations

from django.conf import settings
from django.db import models


class Space(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="spaces")

    def __str__(self) -> str:
        return self.name


class Page(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="pages")
    slug = models.SlugField()
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("space", "slug")]

    def __str__(self) -> str:
        return self.title


class Revision(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    author_name = models.CharField(max_length=150)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
