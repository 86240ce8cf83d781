"""Audit trail, activity search and report downloads (Django app plus small servers)."""
