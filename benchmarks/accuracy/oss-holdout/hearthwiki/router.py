"""A very small router: handlers receive a Request and return a Response."""
import json
import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Callable, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit


@dataclass
class Response:
    body: bytes = b""
    status: int = 200
    headers: List[Tuple[str, str]] = field(default_factory=list)

    def header(self, name: str, value: str) -> "Response":
        self.headers.append((name, value))
        return self


def html_response(text: str, status: int = 200) -> Response:
    return Response(text.encode("utf-8"), status, [("Content-Type", "text/html; charset=utf-8")])


def json_response(data, status: int = 200) -> Response:
    return Response(json.dumps(data).encode("utf-8"), status, [("Content-Type", "application/json")])


def redirect_response(location: str, status: int = 303) -> Response:
    return Response(b"", status, [("Location", location)])


class Request:
    def __init__(self, handler):
        self.method = handler.command
        parts = urlsplit(handler.path)
        self.path = parts.path
        self.args = parse_qs(parts.query)
        self.headers = handler.headers
        self._handler = handler
        self._form: Optional[Dict[str, List[str]]] = None
        self.params: Dict[str, str] = {}
        self.session: dict = {}

    def query(self, name: str, default: str = "") -> str:
        values = self.args.get(name)
        return values[0] if values else default

    def body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self._handler.rfile.read(length) if length else b""

    def form(self) -> Dict[str, str]:
        if self._form is None:
            self._form = parse_qs(self.body().decode("utf-8", "replace"))
        return {k: v[0] for k, v in self._form.items()}

    def json(self):
        return json.loads(self.body() or b"{}")

    def cookie(self, name: str) -> Optional[str]:
        jar = SimpleCookie(self.headers.get("Cookie", ""))
        return jar[name].value if name in jar else None


class Router:
    def __init__(self):
        self.routes: List[Tuple[str, "re.Pattern[str]", Callable]] = []

    def route(self, method: str, pattern: str):
        compiled = re.compile("^" + re.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", pattern) + "$")

        def register(fn):
            self.routes.append((method, compiled, fn))
            return fn
        return register

    def dispatch(self, request: Request) -> Response:
        for method, pattern, fn in self.routes:
            match = pattern.match(request.path)
            if match and method == request.method:
                request.params = {k: v for k, v in match.groupdict().items()}
                return fn(request)
        return html_response("<h1>Not found</h1>", 404)


router = Router()
