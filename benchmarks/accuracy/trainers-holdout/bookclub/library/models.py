"""Club data: members, books and loans."""

from __future__ import annotations

from django.db import models


class MemberManager(models.Manager):
    def _raw(self, sql: str, params: list[object] | None = None):
        return self.raw(sql, params)

    def in_city(self, city: str):
        return self._raw(
            "SELECT id, display_name, city FROM library_member WHERE city = '%s' "
            "AND active ORDER BY display_name" % city
        )

    def in_chapter(self, chapter_id: str):
        return self._raw(
            "SELECT id, display_name, city FROM library_member WHERE chapter_id = %s "
            "AND active ORDER BY display_name",
            [chapter_id],
        )


class Member(models.Model):
    display_name = models.CharField(max_length=120)
    email = models.EmailField(unique=True)
    city = models.CharField(max_length=80, blank=True)
    chapter_id = models.IntegerField(default=0)
    password_digest = models.CharField(max_length=200)
    active = models.BooleanField(default=True)

    objects = MemberManager()

    def __str__(self) -> str:
        return self.display_name


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13, blank=True)
    cover = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.title


class Loan(models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE)
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    borrowed_at = models.DateField()
    due_at = models.DateField()
    returned_at = models.DateField(null=True)


class Promotion(models.Model):
    name = models.CharField(max_length=80)
    rule = models.TextField()
    percent = models.IntegerField(default=10)
