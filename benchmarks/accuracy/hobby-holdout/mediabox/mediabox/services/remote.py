"""Outgoing HTTP: download-by-URL, peers, notifications."""

from tornado.httpclient import AsyncHTTPClient, HTTPRequest, HTTPResponse


async def fetch(url: str, method: str = "GET", body: bytes = None) -> HTTPResponse:
    req = HTTPRequest(url, method=method, body=body, follow_redirects=False, request_timeout=60, max_body_size=2 * 1024**3)
    return await AsyncHTTPClient().fetch(req, raise_error=False)
