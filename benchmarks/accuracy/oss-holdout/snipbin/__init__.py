"""snipbin: a tiny pastebin and link shortener."""
