"""Helpdesk: ticketing for the support team (Django)."""
default_app_config = "helpdesk.apps.HelpdeskConfig"
