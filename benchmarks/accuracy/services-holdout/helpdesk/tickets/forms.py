"""Forms for the agent console."""
from __future__ import annotations

from django import forms

RETURN_CHOICES = [("/tickets/", "Tickets"), ("/kb/", "Knowledge base"), ("/", "Home")]
LEVEL_CHOICES = [("1", "First line"), ("2", "Second line"), ("3", "Engineering")]


class SearchForm(forms.Form):
    q = forms.CharField(max_length=100)


class QueueFilterForm(forms.Form):
    queue = forms.IntegerField(min_value=1)


class FeedbackForm(forms.Form):
    rating = forms.IntegerField(min_value=1, max_value=5)
    comment = forms.CharField(required=False, max_length=2000)
    return_url = forms.URLField(required=False)


class SurveyForm(forms.Form):
    rating = forms.IntegerField(min_value=1, max_value=5)
    return_to = forms.ChoiceField(choices=RETURN_CHOICES)


class EscalationForm(forms.Form):
    level = forms.ChoiceField(choices=LEVEL_CHOICES)
