"""Data platform helpers."""
