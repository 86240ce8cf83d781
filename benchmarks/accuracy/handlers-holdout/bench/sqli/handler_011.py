"""Sales summaries."""
from flask import jsonify, request
from flask.views import MethodView

from bench import helpers
from bench.web import bp


class SalesFilter:
    """The WHERE clause of a sales summary."""

    def __init__(self, region: str, year: str) -> None:
        self.region = region
        self.year = int(year)

    def by_year(self) -> str:
        return "year = %d" % self.year

    def by_region(self) -> str:
        return "region = '%s'" % self.region


class RegionSales(MethodView):
    def get(self):
        flt = SalesFilter(request.headers.get("X-Region", "north"), request.args.get("year", "2024"))
        return jsonify(helpers.query("SELECT product, SUM(total) FROM sales WHERE " + flt.by_region() + " GROUP BY product"))


class YearSales(MethodView):
    def get(self):
        flt = SalesFilter(request.headers.get("X-Region", "north"), request.args.get("year", "2024"))
        return jsonify(helpers.query("SELECT product, SUM(total) FROM sales WHERE " + flt.by_year() + " GROUP BY product"))


bp.add_url_rule("/sqli/011/region", view_func=RegionSales.as_view("region_sales"))
bp.add_url_rule("/sqli/011/year", view_func=YearSales.as_view("year_sales"))
