"""Partner integrations: webhooks, feeds and XML imports."""
