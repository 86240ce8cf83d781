"""Wikidesk: the internal knowledge base (spaces, pages, revisions, people directory)."""
