from django import forms

from .models import Album, Photo


class AlbumForm(forms.ModelForm):
    class Meta:
        model = Album
        fields = ["title", "slug", "description", "is_public"]


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["album", "title", "image"]


class ArchiveUploadForm(forms.Form):
    album = forms.ModelChoiceField(queryset=Album.objects.all())
    archive = forms.FileField()
