"""Filedrop: a small file exchange service for the print shop, on the standard library server."""
