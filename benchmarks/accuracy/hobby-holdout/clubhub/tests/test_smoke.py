from fastapi.testclient import TestClient

from clubhub.main import app


def test_healthz():
    client = TestClient(app)
    assert client.get("/healthz").json() == {"ok": True}
