"""Helpdesk: support tickets, knowledge base and the customer portal."""
