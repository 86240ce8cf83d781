import tempfile

# ruleid: secsdlc.python.access-control.insecure-temp-file
path = tempfile.mktemp()
# ruleid: secsdlc.python.access-control.insecure-temp-file
fh = open("/tmp/report.csv", "w")
# ok: secsdlc.python.access-control.insecure-temp-file
tmp = tempfile.NamedTemporaryFile()
# ok: secsdlc.python.access-control.insecure-temp-file
fd, name = tempfile.mkstemp()
# ok: secsdlc.python.access-control.insecure-temp-file
fh = open("/srv/app/report.csv", "w")
