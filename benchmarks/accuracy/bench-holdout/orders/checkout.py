from flask import redirect, request, session

from .blueprint import bp

DESTINATIONS = {"orders": "/orders", "cart": "/cart", "account": "/account"}


@bp.route("/checkout/done")
def checkout_done():
    session.pop("cart", None)
    next_url = request.args.get("next", "/orders")
    if next_url.startswith("/"):
        return redirect(next_url)
    return redirect("/orders")


@bp.route("/checkout/cancelled")
def checkout_cancelled():
    session.pop("pending_payment", None)
    next_name = request.args.get("next", "orders")
    return redirect(DESTINATIONS.get(next_name, "/orders"))
