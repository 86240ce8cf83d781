"""Models used by the mobile API."""
from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone


class Account(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    team_id = models.IntegerField(null=True)
    display_name = models.CharField(max_length=80)
    avatar_blob = models.BinaryField(null=True)
    pin_hash = models.CharField(max_length=128, blank=True)
    password_kdf = models.CharField(max_length=200, blank=True)
    phone_code = models.CharField(max_length=6, blank=True)
    email_code = models.CharField(max_length=6, blank=True)


class Workout(models.Model):
    title = models.CharField(max_length=200)
    public = models.BooleanField(default=True)


class Exercise(models.Model):
    name = models.CharField(max_length=120)


class Challenge(models.Model):
    title = models.CharField(max_length=200)
    starts = models.DateTimeField()
    ends = models.DateTimeField()
    active = models.BooleanField(default=True)


class MediaItem(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    storage_key = models.CharField(max_length=200)


class Invite(models.Model):
    team_id = models.IntegerField()
    code = models.CharField(max_length=16, unique=True)


class DeviceToken(models.Model):
    token = models.CharField(max_length=300, unique=True)
    last_receipt_at = models.DateTimeField(null=True)
    failures = models.IntegerField(default=0)

    @staticmethod
    def now():
        return timezone.now()

    @staticmethod
    def failures_plus_one():
        return F("failures") + 1


class SessionToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    key = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=20, default="web")

    @classmethod
    def issue(cls, user, purpose="web"):
        return cls.objects.create(user=user, key=secrets.token_urlsafe(32), purpose=purpose)
