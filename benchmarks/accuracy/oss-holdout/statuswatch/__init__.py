"""statuswatch: a small self-hosted status dashboard on Tornado."""
__version__ = "0.6.0"
