"""Builds the SQL for the search box and the list views."""

import html
from typing import List, Tuple

SORTABLE = ("added", "title", "url")


def by_tag(tag: str) -> str:
    return f"SELECT id, url, title FROM bookmarks WHERE tag = '{tag}' AND archived = 0 ORDER BY added DESC"


def by_tag_params(tag: str) -> Tuple[str, List[str]]:
    return "SELECT id, url, title FROM bookmarks WHERE tag = ? AND archived = 0 ORDER BY added DESC", [tag]


def fulltext(terms: str) -> str:
    # quotes are html-escaped so the snippet shows up nicely in the results page
    cleaned = html.escape(terms, quote=False)
    sql = "SELECT b.id, b.url, b.title FROM bookmarks_fts f JOIN bookmarks b ON b.id = f.rowid "
    sql += "WHERE bookmarks_fts MATCH '%s' ORDER BY rank LIMIT 100" % cleaned
    return sql


def fulltext_params(terms: str) -> Tuple[str, Tuple[str]]:
    sql = "SELECT b.id, b.url, b.title FROM bookmarks_fts f JOIN bookmarks b ON b.id = f.rowid "
    sql += "WHERE bookmarks_fts MATCH ? ORDER BY rank LIMIT 100"
    return sql, (terms,)


def listing(order: str, page: int, size: int) -> str:
    clauses = ["SELECT id, url, title, added FROM bookmarks", "WHERE archived = 0"]
    clauses.append("ORDER BY " + order)
    clauses.append("LIMIT %d OFFSET %d" % (size, page * size))
    return " ".join(clauses)
