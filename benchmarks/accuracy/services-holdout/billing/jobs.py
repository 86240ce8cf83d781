"""Background jobs run as child processes (archiving, PDF tooling)."""
from __future__ import annotations

import logging
import subprocess
import uuid
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class JobResult:
    job_id: str
    returncode: int
    output: str


def run_shell(command: str, timeout: int = 300) -> JobResult:
    job_id = uuid.uuid4().hex[:8]
    log.info("job %s started", job_id)
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=timeout)
    return JobResult(job_id, proc.returncode, proc.stdout[-4000:])


def run_argv(argv: list[str], timeout: int = 300) -> JobResult:
    job_id = uuid.uuid4().hex[:8]
    log.info("job %s started: %s", job_id, argv[0])
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    return JobResult(job_id, proc.returncode, proc.stdout[-4000:])
