"""secsdlc: one Secure-SDLC gate over bandit, semgrep, a dependency audit and a secrets scanner."""

__version__ = "0.1.0"
