from django import forms


class WatchForm(forms.Form):
    page = forms.SlugField(max_length=120)
    email = forms.EmailField()
    subject = forms.CharField(max_length=200, required=False)


class ProtectForm(forms.Form):
    password = forms.CharField(min_length=6, max_length=128, widget=forms.PasswordInput)
