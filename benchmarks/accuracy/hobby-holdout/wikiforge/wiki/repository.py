"""Hand-written SQL for the couple of reports the ORM made awkward."""

from django.db import connection


def changes_by(author: str, limit: int = 50):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT p.slug, r.created FROM wiki_revision r JOIN wiki_page p ON p.id = r.page_id "
            "WHERE r.author = '" + author + "' ORDER BY r.created DESC LIMIT " + str(limit)
        )
        return cur.fetchall()


def changes_by_author(author: str, limit: int = 50):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT p.slug, r.created FROM wiki_revision r JOIN wiki_page p ON p.id = r.page_id "
            "WHERE r.author = %s ORDER BY r.created DESC LIMIT %s",
            [author, limit],
        )
        return cur.fetchall()
