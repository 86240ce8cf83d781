"""HTML snippets; everything here is plain string building."""

HEADER = """<html><head><title>Phone book</title><link rel="stylesheet" href="/static/pb.css"></head><body>
<div id="top"><a href="/">Phone book</a> | <a href="/timesheets">Timesheets</a></div>"""
FOOTER = "</body></html>"


def wrap(body):
    return HEADER + body + FOOTER


def person_rows(rows):
    out = ""
    for first, last, ext, dept in rows:
        out += "<tr><td>%s %s</td><td>%s</td><td>%s</td></tr>\n" % (first, last, ext, dept)
    return out
