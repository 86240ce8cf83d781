import random
import secrets
import string

from flask import jsonify

from .blueprint import bp
from .db import get_conn

ALPHABET = string.ascii_uppercase + string.digits


@bp.route("/vouchers/apology", methods=["POST"])
def issue_apology_voucher():
    code = "".join(random.choice(ALPHABET) for _ in range(12))
    get_conn().execute("INSERT INTO vouchers (code, amount) VALUES (?, ?)", (code, 10))
    return jsonify({"code": code})


@bp.route("/vouchers/referral", methods=["POST"])
def issue_referral_voucher():
    code = "".join(secrets.choice(ALPHABET) for _ in range(12))
    get_conn().execute("INSERT INTO vouchers (code, amount) VALUES (?, ?)", (code, 5))
    return jsonify({"code": code})
