from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse

router = APIRouter(prefix="/pages")


@router.get("/empty-search")
def empty_search(q: str = ""):
    body = "<html><body>"
    body += f"<h1>Nothing found for {q}</h1>"
    body += "</body></html>"
    return HTMLResponse(body)


@router.get("/empty-search.json")
def empty_search_json(q: str = ""):
    body = {"query": q}
    body["message"] = f"<h1>Nothing found for {q}</h1>"
    return JSONResponse(body)
