import re
from urllib.parse import urlparse

from flask import redirect, request

from .blueprint import bp

SHOP_URL = re.compile(r"https://shop\.example\.com")


@bp.route("/returns/start")
def start_return():
    back = request.args.get("back", "https://shop.example.com/orders")
    if not SHOP_URL.match(back):
        back = "https://shop.example.com/orders"
    return redirect(back)


@bp.route("/returns/label")
def return_label_done():
    back = request.args.get("back", "https://shop.example.com/orders")
    parsed = urlparse(back)
    if parsed.scheme != "https" or parsed.hostname != "shop.example.com" or "\\" in back:
        back = "https://shop.example.com/orders"
    return redirect(back)
