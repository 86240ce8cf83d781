"""Data access for posts, tags, comments and users."""
import logging
import sqlite3
from dataclasses import dataclass
from typing import Optional

from flask import current_app, g


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"], detect_types=sqlite3.PARSE_DECLTYPES)
        g.db.row_factory = sqlite3.Row
    return g.db


def close_db(exc=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def query_all(sql, params=()):
    return get_db().execute(sql, params).fetchall()


def query_one(sql, params=()):
    return get_db().execute(sql, params).fetchone()


log = logging.getLogger(__name__)

POST_COLUMNS = "p.id, p.slug, p.title, p.body, p.created_at, p.author_id, p.status"


@dataclass
class Post:
    id: int
    slug: str
    title: str
    body: str
    created_at: str
    author_id: int
    status: str = "published"

    @classmethod
    def from_row(cls, row):
        return cls(**dict(row))


def get_post(slug: str) -> Optional[Post]:
    row = query_one(f"SELECT {POST_COLUMNS} FROM posts p WHERE p.slug = ?", (slug,))
    return Post.from_row(row) if row else None


def recent_posts(limit: int = 10, offset: int = 0):
    rows = query_all(
        f"SELECT {POST_COLUMNS} FROM posts p WHERE p.status = 'published' "
        "ORDER BY p.created_at DESC LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [Post.from_row(r) for r in rows]


def posts_by_tag(tag):
    sql = (
        f"SELECT {POST_COLUMNS} FROM posts p JOIN post_tags t ON t.post_id = p.id "
        "WHERE t.tag = '%s' AND p.status = 'published' ORDER BY p.created_at DESC" % tag
    )
    rows = get_db().execute(sql).fetchall()
    return [Post.from_row(r) for r in rows]


def posts_by_author(author_id):
    sql = (
        f"SELECT {POST_COLUMNS} FROM posts p WHERE p.author_id = {author_id} "
        "AND p.status = 'published' ORDER BY p.created_at DESC"
    )
    rows = get_db().execute(sql).fetchall()
    return [Post.from_row(r) for r in rows]


def posts_in_month(year: int, month: int):
    start = f"{year:04d}-{month:02d}-01"
    end = f"{year + (month // 12):04d}-{month % 12 + 1:02d}-01"
    rows = query_all(
        f"SELECT {POST_COLUMNS} FROM posts p WHERE p.status = 'published' "
        "AND p.created_at >= ? AND p.created_at < ? ORDER BY p.created_at",
        (start, end),
    )
    return [Post.from_row(r) for r in rows]


def set_status(post_id: int, status: str) -> None:
    db = get_db()
    db.execute("UPDATE posts SET status = ? WHERE id = ?", (status, post_id))
    db.commit()


def delete_comment(comment_id: int) -> None:
    db = get_db()
    db.execute("DELETE FROM comments WHERE id = ?", (comment_id,))
    db.commit()


def admin_table(table, columns, order_by, direction="DESC"):
    """Listing used by the admin tables; ``order_by`` is a column name."""
    sql = "SELECT %s FROM %s ORDER BY %s %s LIMIT 200" % (", ".join(columns), table, order_by, direction)
    log.debug("admin listing: %s", sql)
    return get_db().execute(sql).fetchall()


def add_comment(post_id, name, body):
    db = get_db()
    db.execute(
        "INSERT INTO comments (post_id, author_name, body, status) VALUES (?, ?, ?, 'pending')",
        (post_id, name, body),
    )
    db.commit()


def find_user(username):
    return query_one("SELECT id, username, email, password_hash FROM users WHERE username = ?", (username,))


def find_user_by_email(email):
    return query_one("SELECT id, username, email FROM users WHERE email = ?", (email,))


def create_user(username, email, password_hash):
    db = get_db()
    db.execute(
        "INSERT INTO users (username, email, password_hash) VALUES (?, ?, ?)",
        (username, email, password_hash),
    )
    db.commit()


def set_password(user_id, password_hash):
    db = get_db()
    db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))
    db.commit()


def save_token(user_id, kind, token):
    db = get_db()
    db.execute(
        "INSERT INTO tokens (user_id, kind, token, created_at) VALUES (?, ?, ?, datetime('now'))",
        (user_id, kind, token),
    )
    db.commit()


def all_titles():
    return [r["title"] for r in query_all("SELECT title FROM posts WHERE status = 'published'")]
