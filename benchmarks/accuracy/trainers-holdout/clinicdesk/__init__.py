"""Clinic front desk: a small teaching server for the web security course."""

__version__ = "0.3.1"
