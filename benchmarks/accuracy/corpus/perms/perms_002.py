import os

os.makedirs('/srv/data', mode=0o777, exist_ok=True)
