"""SQLAlchemy engine and a small query helper."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ.get("CATALOG_DB_URL", "postgresql+psycopg://catalog@db/catalog"))


def query(sql: str, **params) -> list[dict]:
    with engine.connect() as conn:
        result = conn.execute(text(sql), params)
        return [dict(row) for row in result.mappings().all()]
