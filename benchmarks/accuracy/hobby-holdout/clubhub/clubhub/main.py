from fastapi import FastAPI
from starlette.middleware.sessions import SessionMiddleware

from .config import get_settings
from .routers import auth, events, exchange, members

app = FastAPI(title="clubhub", version="1.3.0")
app.add_middleware(SessionMiddleware, secret_key=get_settings().session_secret, https_only=True)
app.include_router(auth.router)
app.include_router(members.router)
app.include_router(events.router)
app.include_router(exchange.router)


@app.get("/healthz")
def healthz():
    return {"ok": True}
