import ssl

import requests

# ruleid: secsdlc.python.crypto.tls-verification-disabled
requests.get("https://example.com", verify=False)
# ok: secsdlc.python.crypto.tls-verification-disabled
requests.get("https://example.com", verify="/etc/ssl/ca.pem")
ctx = ssl.create_default_context()
# ruleid: secsdlc.python.crypto.tls-verification-disabled
ctx.check_hostname = False
# ruleid: secsdlc.python.crypto.tls-verification-disabled
ctx.verify_mode = ssl.CERT_NONE
# ok: secsdlc.python.crypto.tls-verification-disabled
ctx.verify_mode = ssl.CERT_REQUIRED
# ruleid: secsdlc.python.crypto.tls-verification-disabled
ssl._create_unverified_context()
