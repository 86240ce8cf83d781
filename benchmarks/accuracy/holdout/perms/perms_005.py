import os

os.makedirs('/srv/data', mode=0o750, exist_ok=True)
