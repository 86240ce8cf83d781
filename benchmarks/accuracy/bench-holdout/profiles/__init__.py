"""Member profiles (Django app)."""
