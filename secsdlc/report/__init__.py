"""Renderings of a scan for people (text, markdown) and programs (json, sarif)."""
