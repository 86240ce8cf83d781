"""Service control on the local host."""
from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)


def restart(service: str) -> int:
    return os.system(f"sudo -n systemctl restart {service}.service")
