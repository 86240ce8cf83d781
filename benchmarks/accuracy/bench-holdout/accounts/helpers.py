from urllib.parse import urljoin, urlparse

from flask import request


def is_local(target: str) -> bool:
    return not urlparse(target).scheme


def is_same_site(target: str) -> bool:
    if "\\" in target:
        return False
    ref = urlparse(request.host_url)
    test = urlparse(urljoin(request.host_url, target))
    return test.scheme in ("http", "https") and ref.netloc == test.netloc
