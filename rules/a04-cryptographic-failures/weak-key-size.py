from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import rsa

# ruleid: secsdlc.python.crypto.weak-key-size
k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)
# ok: secsdlc.python.crypto.weak-key-size
k2 = rsa.generate_private_key(public_exponent=65537, key_size=3072)
# ruleid: secsdlc.python.crypto.weak-key-size
k3 = RSA.generate(512)
# ok: secsdlc.python.crypto.weak-key-size
k4 = RSA.generate(2048)
