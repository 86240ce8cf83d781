"""Certificate inspection."""
import subprocess

from flask import request

from bench.web import bp


class CertInspector:
    """Runs openssl against a host the operator names."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.port = 443

    def command(self) -> str:
        return "echo | openssl s_client -connect {}:{} 2>/dev/null | openssl x509 -noout -dates".format(self.host, self.port)

    def describe(self) -> str:
        proc = subprocess.Popen(self.command(), shell=True, stdout=subprocess.PIPE, text=True)
        out, _ = proc.communicate(timeout=20)
        return out


@bp.route("/cmdi/012/cert", methods=["POST"])
def certificate():
    host = (request.get_json(silent=True) or {}).get("host", "")
    return {"dates": CertInspector(host).describe()}


@bp.route("/cmdi/012/cert-port", methods=["POST"])
def certificate_port():
    port = (request.get_json(silent=True) or {}).get("port", 443)
    inspector = CertInspector("www.example.com")
    inspector.port = int(port)
    return {"dates": inspector.describe()}
