"""Running shell commands on the console host."""
from __future__ import annotations

import asyncio
import logging

from . import settings

logger = logging.getLogger(__name__)


async def run(command: str) -> tuple[int, str]:
    """Run a shell command and return its exit status and combined output."""
    proc = await asyncio.create_subprocess_shell(
        command,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(proc.communicate(), timeout=settings.COMMAND_TIMEOUT)
    except asyncio.TimeoutError:
        proc.kill()
        raise
    if proc.returncode:
        logger.warning("command exited with %d", proc.returncode)
    return proc.returncode or 0, output.decode("utf-8", "replace")
