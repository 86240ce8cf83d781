import base64
import json
import pickle

import yaml
from flask import request


def load():
    data = request.get_data()
    # ruleid: secsdlc.python.integrity.insecure-deserialization
    pickle.loads(base64.b64decode(data))
    # ruleid: secsdlc.python.integrity.insecure-deserialization
    yaml.load(data, Loader=yaml.Loader)
    # ruleid: secsdlc.python.integrity.insecure-deserialization
    yaml.load(data)
    # ok: secsdlc.python.integrity.insecure-deserialization
    yaml.load(data, Loader=yaml.SafeLoader)
    # ok: secsdlc.python.integrity.insecure-deserialization
    yaml.safe_load(data)
    # ok: secsdlc.python.integrity.insecure-deserialization
    json.loads(data)
    # ok: secsdlc.python.integrity.insecure-deserialization
    pickle.loads(open("cache.pkl", "rb").read())
