"""Wrappers around the shell commands the dashboard shows."""

import logging
import subprocess
from typing import List

log = logging.getLogger("labdash.probes")


def run(cmd: str, timeout: int = 15) -> str:
    log.debug("running %s", cmd)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=timeout)
    return proc.stdout + proc.stderr


def docker(args: List[str]) -> str:
    return run(" ".join(["docker"] + args), timeout=30)


def uptime() -> str:
    return run("uptime -p").strip()


def disk_usage() -> str:
    return run("df -h --output=target,pcent -x tmpfs -x devtmpfs")
