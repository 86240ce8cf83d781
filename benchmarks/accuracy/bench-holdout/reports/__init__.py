"""Reporting dashboards and exports."""
