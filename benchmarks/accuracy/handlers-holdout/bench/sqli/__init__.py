"""Handlers that read from the reporting database."""
