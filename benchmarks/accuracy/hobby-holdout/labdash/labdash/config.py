# labdash config - edit to match your rack
import os

LISTEN = ("0.0.0.0", int(os.environ.get("LABDASH_PORT", "8088")))
LOG_DIR = os.environ.get("LABDASH_LOGS", "/var/log/labdash")
STATIC_DIR = os.path.join(os.path.dirname(__file__), "static")
UNITS = ("nginx", "jellyfin", "pihole-FTL", "smbd", "tailscaled", "docker")
CONTAINERS = ["homeassistant", "grafana", "prometheus", "mosquitto", "zigbee2mqtt"]
THEMES = ("dark", "light", "solarized")
USERS_FILE = os.path.expanduser("~/.config/labdash/users.json")
