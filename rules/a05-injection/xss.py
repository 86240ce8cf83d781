import html
from django.http import HttpResponse, HttpResponseForbidden
from django.template import loader
from django.utils.safestring import mark_safe
from flask import Flask, make_response, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    if name == "":
        # ok: secsdlc.python.injection.xss
        return render_template("hello.html", name=name)
    # ruleid: secsdlc.python.injection.xss
    return "<p>Hello " + name + "</p>"


@app.route("/hi")
def hi():
    name = request.args.get("name", "")
    # ruleid: secsdlc.python.injection.xss
    resp = make_response(f"<p>{name}</p>")
    # ok: secsdlc.python.injection.xss
    resp = make_response("<p>" + escape(name) + "</p>")
    # ok: secsdlc.python.injection.xss
    return "<p>Hello " + html.escape(name) + "</p>"


def django_view(request):
    q = request.GET.get("q", "")
    # ruleid: secsdlc.python.injection.xss
    mark_safe("<b>" + q + "</b>")
    # ruleid: secsdlc.python.injection.xss
    Markup(q)
    # ok: secsdlc.python.injection.xss
    HttpResponse(q, content_type="text/plain")
    # ok: secsdlc.python.injection.xss
    Markup("<b>{}</b>").format(q)
    # ruleid: secsdlc.python.injection.xss
    return HttpResponse("<div>%s</div>" % q)


def error_page(request, exception, template_name="403.html"):
    template = loader.get_template(template_name)
    # ok: secsdlc.python.injection.xss
    return HttpResponseForbidden(template.render(request=request, context={"e": str(exception)}))


def page(request, url):
    # ok: secsdlc.python.injection.xss
    content = loader.render_to_string("page.html", {"url": url}, request)
    # ok: secsdlc.python.injection.xss
    HttpResponse(content)
    # ok: secsdlc.python.injection.xss
    HttpResponse(url, content_type="text/plain; charset=utf-8")
    # ruleid: secsdlc.python.injection.xss
    return HttpResponse(url, content_type="text/html")
