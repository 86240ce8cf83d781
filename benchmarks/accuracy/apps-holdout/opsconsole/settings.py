"""Configuration from the environment."""
from __future__ import annotations

import os
from pathlib import Path

DATABASE_DSN = os.environ.get("OPSCONSOLE_DSN", "postgresql://opsconsole@localhost/inventory")
ARTIFACT_DIR = Path(os.environ.get("OPSCONSOLE_ARTIFACTS", "/srv/opsconsole/artifacts"))
RELEASE_DIR = Path(os.environ.get("OPSCONSOLE_RELEASES", "/srv/opsconsole/releases"))
TOPOLOGY_FILE = Path(os.environ.get("OPSCONSOLE_TOPOLOGY", "/etc/opsconsole/topology.xml"))
STATUS_API = os.environ.get("OPSCONSOLE_STATUS_API", "https://status.internal.example.com/api")

MANAGED_UNITS = frozenset({"nginx", "postgresql", "redis-server", "opsagent", "node-exporter", "haproxy"})

PROBE_TIMEOUT = 8
COMMAND_TIMEOUT = 60

NOTIFY_TEMPLATE = "[{{ severity | upper }}] {{ service }}: {{ message }}\n-- sent from opsconsole"
