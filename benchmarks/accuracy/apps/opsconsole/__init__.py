"""opsconsole: deploy and run-book console for the SRE team (Tornado)."""
