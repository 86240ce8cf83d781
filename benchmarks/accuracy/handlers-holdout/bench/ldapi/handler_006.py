"""Employee access cards."""
from flask import jsonify

from bench import helpers
from bench.web import bp


class HolderQuery:
    """Builds the directory filter for one card holder."""

    def __init__(self, holder) -> None:
        self.holder = holder

    def directory_filter(self) -> str:
        return "(&(objectClass=person)(employeeNumber={}))".format(self.holder)


@bp.route("/ldapi/006/card/<holder>")
def access_card(holder: str):
    return jsonify(helpers.people(HolderQuery(holder).directory_filter()))


@bp.route("/ldapi/006/card-number/<holder>")
def card_by_number(holder: str):
    return jsonify(helpers.people(HolderQuery(int(holder)).directory_filter()))
