"""Export downloads with a client-chosen file name."""
from urllib.parse import quote

from flask import make_response, request

from bench.web import bp

CSV_BODY = "id,total\n1,10\n2,25\n"


@bp.route("/headeri/001/export")
def export_csv():
    name = request.args.get("filename", "export.csv")
    resp = make_response(CSV_BODY)
    resp.headers["Content-Disposition"] = 'attachment; filename="%s"' % name
    return resp


@bp.route("/headeri/001/report")
def report_csv():
    name = request.args.get("filename", "report.csv")
    resp = make_response(CSV_BODY)
    resp.headers["Content-Disposition"] = "attachment; filename*=UTF-8''%s" % quote(name)
    return resp
