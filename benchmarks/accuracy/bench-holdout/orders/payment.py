from flask import redirect, request

from .blueprint import bp


def _return_context(order_id: int) -> dict:
    return {
        "order": order_id,
        "return": request.form.get("return_url", ""),
        "home": f"/orders/{order_id}",
    }


@bp.route("/<int:order_id>/paid", methods=["POST"])
def payment_complete(order_id):
    ctx = _return_context(order_id)
    target = ctx["return"] or ctx["home"]
    return redirect(target)


@bp.route("/<int:order_id>/failed", methods=["POST"])
def payment_failed(order_id):
    ctx = _return_context(order_id)
    target = ctx["home"] if ctx["return"] else "/orders"
    return redirect(target)
