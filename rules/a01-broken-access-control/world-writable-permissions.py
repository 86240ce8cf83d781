import os
import stat

# ruleid: secsdlc.python.access-control.world-writable-permissions
os.chmod("/srv/data", 0o777)
# ruleid: secsdlc.python.access-control.world-writable-permissions
os.makedirs("/srv/data", mode=0o666, exist_ok=True)
# ruleid: secsdlc.python.access-control.world-writable-permissions
os.chmod("/srv/data", stat.S_IRWXU | stat.S_IWOTH)
# ruleid: secsdlc.python.access-control.world-writable-permissions
os.umask(0)
# ok: secsdlc.python.access-control.world-writable-permissions
os.chmod("/srv/data", 0o600)
# ok: secsdlc.python.access-control.world-writable-permissions
os.makedirs("/srv/data", mode=0o750, exist_ok=True)
# ok: secsdlc.python.access-control.world-writable-permissions
os.umask(0o077)
