import jinja2
from flask import render_template_string, request


def greet():
    name = request.args.get("name", "")
    # ruleid: secsdlc.python.injection.template-injection
    render_template_string("<h1>Hello " + name + "</h1>")
    # ruleid: secsdlc.python.injection.template-injection
    jinja2.Template(name).render()
    # ruleid: secsdlc.python.injection.template-injection
    jinja2.Environment().from_string(f"Hi {name}")
    # ok: secsdlc.python.injection.template-injection
    render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    # ok: secsdlc.python.injection.template-injection
    jinja2.Template("Hi {{ n }}").render(n=name)
