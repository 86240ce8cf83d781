"""linkjar - a tiny self-hosted read-later jar."""

__version__ = "0.4.2"
