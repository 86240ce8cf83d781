from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "inventory_api"
    default_auto_field = "django.db.models.BigAutoField"
