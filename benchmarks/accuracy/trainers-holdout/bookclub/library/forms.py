"""Member-facing forms."""

from __future__ import annotations

import hashlib

from django import forms
from django.contrib.auth.hashers import make_password

from .models import Member


class SignupForm(forms.Form):
    display_name = forms.CharField(max_length=120)
    email = forms.EmailField()
    password = forms.CharField(min_length=10, widget=forms.PasswordInput)

    def save(self) -> Member:
        data = self.cleaned_data
        digest = hashlib.md5(data["password"].encode("utf-8")).hexdigest()
        return Member.objects.create(
            display_name=data["display_name"], email=data["email"], password_digest=digest
        )


class ResetPasswordForm(forms.Form):
    password = forms.CharField(min_length=10, widget=forms.PasswordInput)
    confirm = forms.CharField(widget=forms.PasswordInput)

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("password") != data.get("confirm"):
            raise forms.ValidationError("The passwords differ.")
        return data

    def apply(self, member: Member) -> None:
        member.password_digest = make_password(self.cleaned_data["password"])
        member.save(update_fields=["password_digest"])


class LoginForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)
    remember = forms.BooleanField(required=False)
