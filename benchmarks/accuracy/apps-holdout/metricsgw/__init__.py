"""Metricsgw: the metrics gateway's small web API and dashboards, as a plain WSGI application."""
