"""Opsconsole: the operations team's web console (services, logs, inventory, alerts), on aiohttp."""
