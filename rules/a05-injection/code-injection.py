import ast
from flask import request


def calc():
    expr = request.args.get("expr")
    # ruleid: secsdlc.python.injection.code-injection
    eval(expr)
    # ruleid: secsdlc.python.injection.code-injection
    exec("result = " + expr)
    # ruleid: secsdlc.python.injection.code-injection
    compile(expr, "<string>", "eval")
    # ok: secsdlc.python.injection.code-injection
    ast.literal_eval(expr)
    # ok: secsdlc.python.injection.code-injection
    eval("1 + 2")
    if expr in ("1+1", "2*2"):
        # ok: secsdlc.python.injection.code-injection
        eval(expr)
