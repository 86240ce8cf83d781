"""Static configuration for the operations admin."""
import os

DB_PATH = os.environ.get("OPSADMIN_DB", "/srv/opsadmin/ops.sqlite3")
EXPORT_DIR = "/srv/opsadmin/exports"
REPORT_SCRIPT = "/opt/opsadmin/bin/run_report.sh"
LOG_DIR = "/var/log/opsadmin"
IMPORT_HOSTS = ("files.corp.example", "sftp-gw.corp.example")
REPORT_NAMES = ("daily_sales", "refunds", "stock_levels", "carrier_sla")
SECRET_KEY = os.environ.get("OPSADMIN_SECRET", "")
