from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask_cors import CORS

app = FastAPI()
# ruleid: secsdlc.python.misconfiguration.cors-wildcard-credentials
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
# ok: secsdlc.python.misconfiguration.cors-wildcard-credentials
app.add_middleware(CORSMiddleware, allow_origins=["https://example.com"], allow_credentials=True)
# ruleid: secsdlc.python.misconfiguration.cors-wildcard-credentials
CORS(flask_app, origins="*", supports_credentials=True)
# ok: secsdlc.python.misconfiguration.cors-wildcard-credentials
CORS(flask_app, origins="*")
