"""guildbot: a small chat bot for our community server, with a web admin."""
