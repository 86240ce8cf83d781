"""Pages from the first version of the service, still linked from old e-mails (Starlette)."""
from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route


async def shared_report(request: Request) -> HTMLResponse:
    title = request.query_params.get("title", "Shared report")
    body = "<html><body><h1>" + title + "</h1><p>This link has moved to the new portal.</p></body></html>"
    return HTMLResponse(body)


async def shared_dashboard(request: Request) -> HTMLResponse:
    title = request.query_params.get("title", "Shared dashboard")
    body = "<html><body><h1>" + html.escape(title) + "</h1><p>This link has moved to the new portal.</p></body></html>"
    return HTMLResponse(body)


routes = [
    Route("/shared/report", shared_report),
    Route("/shared/dashboard", shared_dashboard),
]
