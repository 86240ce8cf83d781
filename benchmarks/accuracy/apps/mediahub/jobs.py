"""Media processing jobs run as child processes."""
from __future__ import annotations

import asyncio
import logging
import subprocess

log = logging.getLogger(__name__)


async def run_shell(cmd: str) -> tuple[int, bytes]:
    proc = await asyncio.create_subprocess_shell(cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await proc.communicate()
    log.info("job finished with %s", proc.returncode)
    return proc.returncode or 0, out


async def run_exec(argv: list[str]) -> tuple[int, bytes]:
    proc = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await proc.communicate()
    return proc.returncode or 0, out


def waveform(path: str, out: str) -> int:
    return subprocess.call(f"audiowaveform -i {path} -o {out} --pixels-per-second 20", shell=True)
