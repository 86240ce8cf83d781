import re

from django.http import Http404, JsonResponse
from django.views import View

from .db import run_query


class TeamMembersView(View):
    def get(self, request, *args, **kwargs):
        team = self.kwargs["team"]
        rows = run_query(
            "SELECT display_name, city FROM profiles_profile WHERE team_slug = '{}'".format(team)
        )
        return JsonResponse({"team": team, "members": rows})


class TeamSizeView(View):
    def get(self, request, *args, **kwargs):
        team = self.kwargs["team"]
        if not re.fullmatch(r"[a-z0-9-]{1,40}", team):
            raise Http404("no such team")
        rows = run_query(
            "SELECT count(*) FROM profiles_profile WHERE team_slug = '{}'".format(team)
        )
        return JsonResponse({"team": team, "size": rows[0][0]})
