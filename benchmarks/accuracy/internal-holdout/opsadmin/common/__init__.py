"""Helpers shared by the ops admin views."""
