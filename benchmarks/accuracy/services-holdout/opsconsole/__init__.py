"""Operations console: diagnostics, logs, backups and configuration import (Werkzeug)."""
