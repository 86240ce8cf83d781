"""inventory_api: the warehouse inventory service (Django REST framework)."""
