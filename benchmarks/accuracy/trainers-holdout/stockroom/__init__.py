"""Stockroom: a Tornado inventory API for the application security class."""
