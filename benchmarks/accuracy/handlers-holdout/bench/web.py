"""The blueprint most handler modules attach their routes to."""
from flask import Blueprint

bp = Blueprint("bench", __name__)
