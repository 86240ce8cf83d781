"""Helpdesk: ticketing for the support team (Django)."""
