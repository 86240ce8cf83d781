from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    name = "helpdesk"
    verbose_name = "Support helpdesk"
    default_auto_field = "django.db.models.BigAutoField"
