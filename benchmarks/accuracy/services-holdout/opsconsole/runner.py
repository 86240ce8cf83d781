"""Runs diagnostic commands on the console host."""
from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass

log = logging.getLogger("opsconsole.runner")


@dataclass
class CommandOutput:
    returncode: int
    stdout: str
    stderr: str


class CommandRunner:
    def __init__(self, timeout: int = 30) -> None:
        self.timeout = timeout

    def run(self, command: str) -> CommandOutput:
        proc = subprocess.run(
            command, shell=True, capture_output=True, text=True, timeout=self.timeout
        )
        return CommandOutput(proc.returncode, proc.stdout, proc.stderr)

    def run_args(self, args: list[str]) -> CommandOutput:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=self.timeout)
        return CommandOutput(proc.returncode, proc.stdout, proc.stderr)
