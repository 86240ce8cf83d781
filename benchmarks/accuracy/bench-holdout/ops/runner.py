"""Process helpers for the ops console."""
import logging
import subprocess

log = logging.getLogger(__name__)


def run(cmd: str) -> str:
    log.info("running %s", cmd)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)
    return proc.stdout


def run_args(args: list[str]) -> str:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=30)
    return proc.stdout
