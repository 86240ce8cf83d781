from django.db import models


class Profile(models.Model):
    user = models.OneToOneField("auth.User", on_delete=models.CASCADE)
    display_name = models.CharField(max_length=80)
    nickname = models.CharField(max_length=40, blank=True)
    city = models.CharField(max_length=80, blank=True)
    team_slug = models.SlugField(blank=True)
    bio = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.display_name
