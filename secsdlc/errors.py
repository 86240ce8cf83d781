"""Errors that the CLI turns into exit codes; library code raises, only the CLI exits."""

from __future__ import annotations

EXIT_PASS = 0
EXIT_BLOCKING = 1
EXIT_USAGE = 2  # usage, configuration, or a scanner that failed (fail closed)
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a command cut off by `head`
EXIT_TERMINATED = 143  # 128 + SIGTERM


class SecsdlcError(Exception):
    """An error the user can act on; the CLI prints it and exits 2."""

    exit_code = EXIT_USAGE


class UsageError(SecsdlcError):
    pass


class ConfigError(SecsdlcError):
    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{key}: {problem}" if key else f"{where}{problem}")
