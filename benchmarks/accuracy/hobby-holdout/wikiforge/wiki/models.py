from django.db import models


class Page(models.Model):
    namespace = models.CharField(max_length=40, default="main")
    slug = models.SlugField(max_length=120)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    layout = models.TextField(blank=True, help_text="Optional Jinja layout for this page")
    password_hash = models.CharField(max_length=200, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("namespace", "slug")]

    def __str__(self) -> str:
        return self.title


class Revision(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    author = models.CharField(max_length=150)
    body = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
