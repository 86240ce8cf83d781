"""Public team pages."""
from markupsafe import escape

from bench.web import bp


class Heading:
    """A page heading for a team."""

    def __init__(self, team: str) -> None:
        self.team = team

    def html(self) -> str:
        return "<h1>Team " + self.team + "</h1>"


@bp.route("/xss/008/teams/<team>")
def team_page(team: str):
    heading = Heading(team)
    return heading.html() + "<p>Members are listed below.</p>"


@bp.route("/xss/008/squads/<team>")
def squad_page(team: str):
    heading = Heading(str(escape(team)))
    return heading.html() + "<p>Squad members are listed below.</p>"
