"""Server-side table rendering used by the admin pages."""


def table(headers, rows):
    head = "".join("<th>%s</th>" % h for h in headers)
    body = ""
    for row in rows:
        body += "<tr>" + "".join("<td>%s</td>" % c for c in row) + "</tr>"
    return "<table class='grid'><thead><tr>%s</tr></thead><tbody>%s</tbody></table>" % (head, body)


def page(title, content):
    return "<html><head><title>%s</title></head><body>%s</body></html>" % (title, content)
