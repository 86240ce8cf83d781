"""statusd: a small status and diagnostics daemon for the operations team."""
__version__ = "1.4.2"
