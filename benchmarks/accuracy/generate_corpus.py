# ruff: noqa: E501  (the test-case templates are data, kept one per line)
"""Writes the labelled accuracy corpus: small Flask/Django/FastAPI handlers, half vulnerable.

In the style of the OWASP Benchmark, each test case is one file combining a framework, a source
of request data, a way the value travels (direct, f-string, helper, container, ...) and a sink
that is either dangerous or a safe look-alike (sanitized, constant, overwritten, cast, checked
against an allow-list). Pattern categories are lists of hand-written vulnerable and safe
snippets. A seeded random split moves about a quarter of the cases to holdout/, which is scored
only at the end.

Usage: python benchmarks/accuracy/generate_corpus.py   (rewrites corpus/, holdout/ and the CSVs)
"""

from __future__ import annotations

import csv
import itertools
import random
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20251127
HOLDOUT_SHARE = 0.25


@dataclass(frozen=True)
class Case:
    category: str
    cwe: int
    vulnerable: bool
    code: str


# --- frameworks: how a handler gets one request value into the variable `value` ---------------

FLASK_SOURCES = [
    'value = request.args.get("q", "")',
    'value = request.form["q"]',
    'value = request.headers.get("X-Query", "")',
    'value = request.cookies.get("q", "")',
    'value = request.get_json()["q"]',
    'value = request.values.get("q")',
]
DJANGO_SOURCES = [
    'value = request.GET.get("q", "")',
    'value = request.POST["q"]',
    'value = request.COOKIES.get("q", "")',
    'value = request.META.get("HTTP_X_QUERY", "")',
    'value = json.loads(request.body)["q"]',
]
FASTAPI_SOURCES = [
    'value = request.query_params["q"]',
    'value = request.headers.get("x-query", "")',
    'value = (await request.json())["q"]',
]


def flask_case(imports: str, src: str, body: str, param_route: bool) -> str:
    if param_route:
        head = '@app.route("/item/<value>")\ndef handler(value):\n'
        src = ""
    else:
        head = '@app.route("/item", methods=["GET", "POST"])\ndef handler():\n'
    return (
        f"from flask import Flask, request, make_response\n{imports}\n\n"
        f"app = Flask(__name__)\n\n\n{head}"
        + textwrap.indent(f"{src}\n{body}\nreturn 'ok'\n", "    ")
    )


def django_case(imports: str, src: str, body: str, param_route: bool) -> str:
    head = "def handler(request, value):\n" if param_route else "def handler(request):\n"
    if param_route:
        src = ""
    return (
        f"import json\n\nfrom django.http import HttpResponse\n{imports}\n\n\n{head}"
        + textwrap.indent(f"{src}\n{body}\nreturn HttpResponse('ok')\n", "    ")
    )


def fastapi_case(imports: str, src: str, body: str, param_route: bool) -> str:
    if param_route:
        head = '@app.get("/item")\nasync def handler(value: str):\n'
        src = ""
    else:
        head = '@app.post("/item")\nasync def handler(request: Request):\n'
    return (
        f"from fastapi import FastAPI, Request\n{imports}\n\napp = FastAPI()\n\n\n{head}"
        + textwrap.indent(f"{src}\n{body}\nreturn {{'ok': True}}\n", "    ")
    )


FRAMEWORKS = [
    (flask_case, FLASK_SOURCES),
    (django_case, DJANGO_SOURCES),
    (fastapi_case, FASTAPI_SOURCES),
]

# --- how the value travels from the source to the sink: (code, name of the result) -------------

FLOWS = [
    ("", "value"),
    ('data = f"{value}"', "data"),
    ('data = "%s" % value', "data"),
    ('data = "{}".format(value).strip()', "data"),
    ("items = []\nitems.append(value)\ndata = items[0]", "data"),
    ('store = {}\nstore["k"] = value\ndata = store["k"]', "data"),
    ("data = value.lower() if value else value", "data"),
    ('data = " ".join([value])', "data"),
]

# Safe look-alikes that do not depend on the sink: the tainted value never reaches it.
GENERIC_SAFE_FLOWS = [
    ('data = value\ndata = "constant"', "data"),
    ('data = "fixed"\nother = value', "data"),
    ('items = [value, "safe"]\ndata = items[1]', "data"),
]


@dataclass(frozen=True)
class TaintCategory:
    name: str
    cwe: int
    imports: str
    vulnerable: list[str]  # sink templates; {v} is the tainted variable
    safe: list[str]  # sink templates that neutralize {v} (sanitizer, parameterization, check)


TAINT = [
    TaintCategory("sqli", 89, "import sqlite3\nfrom sqlalchemy import text", [
        'conn = sqlite3.connect("app.db")\nconn.execute("SELECT * FROM users WHERE name = \'" + {v} + "\'")',
        'cur = sqlite3.connect("app.db").cursor()\ncur.execute(f"SELECT * FROM users WHERE name = \'{{{v}}}\'")',
        'cur = sqlite3.connect("app.db").cursor()\ncur.execute("DELETE FROM t WHERE id = %s" % {v})',
        'rows = engine.connect().execute(text("SELECT * FROM t WHERE a = \'%s\'" % {v}))',
        'cur = sqlite3.connect("app.db").cursor()\nsql = "SELECT * FROM t ORDER BY " + {v}\ncur.executemany(sql, [])',
    ], [
        'cur = sqlite3.connect("app.db").cursor()\ncur.execute("SELECT * FROM users WHERE name = ?", ({v},))',
        'rows = engine.connect().execute(text("SELECT * FROM t WHERE a = :a"), {{"a": {v}}})',
        'cur = sqlite3.connect("app.db").cursor()\ncur.execute("SELECT * FROM t WHERE id = %d" % int({v}))',
        'cur = sqlite3.connect("app.db").cursor()\nif {v} in ("name", "email"):\n    cur.execute("SELECT * FROM t ORDER BY " + {v})',
    ]),
    TaintCategory("cmdi", 78, "import os\nimport shlex\nimport subprocess", [
        'os.system("ping -c 1 " + {v})',
        'subprocess.run(f"ls {{{v}}}", shell=True)',
        'out = os.popen("nslookup %s" % {v}).read()',
        'subprocess.check_output(["sh", "-c", "echo " + {v}])',
        'subprocess.Popen("grep " + {v} + " /var/log/app.log", shell=True)',
    ], [
        'subprocess.run(["ping", "-c", "1", {v}], shell=False)',
        'subprocess.run("ping -c 1 " + shlex.quote({v}), shell=True)',
        'os.system("ping -c 1 %d" % int({v}))',
        'if {v} in ("status", "uptime"):\n    subprocess.run("systemctl " + {v}, shell=True)',
    ]),
    TaintCategory("codeinj", 95, "import ast", [
        "result = eval({v})",
        'exec("x = " + {v})',
        'code = compile({v}, "<input>", "exec")',
        'result = eval(f"2 + {{{v}}}")',
    ], [
        "result = ast.literal_eval({v})",
        "result = eval(str(int({v})) + ' + 1')",
        'if {v} in ("1+1", "2*3"):\n    result = eval({v})',
        'result = eval("2 + 3")\nlabel = {v}',
    ]),
    TaintCategory("ssti", 1336, "from flask import render_template_string\nimport jinja2", [
        'html = render_template_string("<h1>Hello " + {v} + "</h1>")',
        "html = jinja2.Template({v}).render()",
        'html = jinja2.Environment().from_string(f"Dear {{{v}}}").render()',
    ], [
        'html = render_template_string("<h1>Hello {{{{ name }}}}</h1>", name={v})',
        'html = jinja2.Template("Hi {{{{ n }}}}").render(n={v})',
        'html = jinja2.Environment(autoescape=True).from_string("Dear {{{{ n }}}}").render(n={v})',
    ]),
    TaintCategory("xss", 79, "import html\nfrom markupsafe import Markup, escape\nfrom django.utils.safestring import mark_safe", [
        'resp = make_response("<p>Hello " + {v} + "</p>")',
        'resp = HttpResponse(f"<div>{{{v}}}</div>")',
        'fragment = mark_safe("<b>" + {v} + "</b>")',
        'fragment = Markup(f"<i>{{{v}}}</i>")',
    ], [
        'resp = make_response("<p>Hello " + html.escape({v}) + "</p>")',
        'resp = HttpResponse(f"<div>{{escape({v})}}</div>")',
        'fragment = Markup("<i>{{}}</i>").format({v})',
        'resp = HttpResponse({v}, content_type="text/plain")',
    ]),
    TaintCategory("pathtraver", 22, "import os\nfrom pathlib import Path\nfrom werkzeug.utils import secure_filename", [
        'with open(os.path.join("/srv/files", {v})) as fh:\n    content = fh.read()',
        'content = open("/srv/files/" + {v}).read()',
        'content = Path("/srv/files", {v}).read_text()',
        'os.remove(os.path.join("/srv/uploads", {v}))',
    ], [
        'with open(os.path.join("/srv/files", os.path.basename({v}))) as fh:\n    content = fh.read()',
        'content = open("/srv/files/" + secure_filename({v})).read()',
        'full = os.path.realpath(os.path.join("/srv/files", {v}))\nif full.startswith("/srv/files/"):\n    content = open(full).read()',
        'if {v} in ("a.txt", "b.txt"):\n    content = open("/srv/files/" + {v}).read()',
    ]),
    TaintCategory("ssrf", 918, "import requests\nimport urllib.request\nfrom urllib.parse import urlparse", [
        "body = requests.get({v}, timeout=5).text",
        "body = urllib.request.urlopen({v}).read()",
        'body = requests.post({v}, json={{"a": 1}}, timeout=5)',
        'target = "http://" + {v} + "/status"\nbody = requests.get(target, timeout=5).text',
    ], [
        'body = requests.get("https://api.example.com/items/" + {v}, timeout=5).text',
        'if urlparse({v}).hostname in {{"api.example.com"}}:\n    body = requests.get({v}, timeout=5).text',
        'body = requests.get("https://api.example.com/search", params={{"q": {v}}}, timeout=5).text',
    ]),
    TaintCategory("redirect", 601, "from flask import redirect, url_for\nfrom django.http import HttpResponseRedirect\nfrom django.utils.http import url_has_allowed_host_and_scheme", [
        "resp = redirect({v})",
        "resp = HttpResponseRedirect({v})",
        'resp = redirect("//" + {v})',
    ], [
        'if url_has_allowed_host_and_scheme({v}, allowed_hosts={{"example.com"}}):\n    resp = redirect({v})',
        'resp = redirect(url_for("profile", tab={v}))',
        'if {v} in ("/home", "/profile"):\n    resp = HttpResponseRedirect({v})',
    ]),
    TaintCategory("ldapi", 90, "import ldap\nfrom ldap.filter import escape_filter_chars", [
        'conn = ldap.initialize("ldap://ldap")\nconn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + {v} + ")")',
        'conn = ldap.initialize("ldap://ldap")\nconn.search_s("ou=people", ldap.SCOPE_SUBTREE, f"(&(objectClass=person)(cn={{{v}}}))")',
    ], [
        'conn = ldap.initialize("ldap://ldap")\nconn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + escape_filter_chars({v}) + ")")',
        'conn = ldap.initialize("ldap://ldap")\nconn.search_s("ou=people", ldap.SCOPE_SUBTREE, "(uid=admin)", [{v}])',
    ]),
    TaintCategory("xpathi", 643, "from lxml import etree", [
        'tree = etree.parse("users.xml")\nnodes = tree.xpath("//user[@name=\'" + {v} + "\']")',
        'root = etree.parse("users.xml").getroot()\nnodes = root.xpath(f"//user[@id=\'{{{v}}}\']/email/text()")',
    ], [
        'tree = etree.parse("users.xml")\nnodes = tree.xpath("//user[@name=$name]", name={v})',
        'tree = etree.parse("users.xml")\nnodes = tree.xpath("//user[@id=%d]" % int({v}))',
    ]),
    TaintCategory("xxe", 611, "import xml.sax\nfrom lxml import etree\nimport defusedxml.lxml", [
        "parser = etree.XMLParser(resolve_entities=True)\ndoc = etree.fromstring({v}, parser)",
        "parser = xml.sax.make_parser()\nparser.setFeature(xml.sax.handler.feature_external_ges, True)\nparser.parse({v})",
        "parser = etree.XMLParser(no_network=False, load_dtd=True)\ndoc = etree.fromstring({v}, parser=parser)",
    ], [
        "parser = etree.XMLParser(resolve_entities=False, no_network=True)\ndoc = etree.fromstring({v}, parser)",
        "parser = xml.sax.make_parser()\nparser.setFeature(xml.sax.handler.feature_external_ges, False)\nparser.parse({v})",
        "doc = defusedxml.lxml.fromstring({v})",
    ]),
    TaintCategory("deserialization", 502, "import base64\nimport json\nimport pickle\nimport yaml", [
        "obj = pickle.loads(base64.b64decode({v}))",
        "obj = yaml.load({v}, Loader=yaml.Loader)",
        "obj = yaml.unsafe_load({v})",
    ], [
        "obj = json.loads({v})",
        "obj = yaml.safe_load({v})",
        "obj = yaml.load({v}, Loader=yaml.SafeLoader)",
    ]),
    TaintCategory("trustbound", 501, "from flask import session", [
        'session["role"] = {v}',
        'request.session["user_name"] = {v}',
        "session[{v}] = True",
    ], [
        'if {v} in ("viewer", "editor"):\n    session["role"] = {v}',
        'session["page"] = int({v})',
        'session["visited"] = True\nlast = {v}',
    ]),
    TaintCategory("headeri", 113, "", [
        'resp = make_response("ok")\nresp.headers["X-User"] = {v}',
        'resp = HttpResponse("ok")\nresp["X-Tracking"] = {v}',
    ], [
        'resp = make_response("ok")\nresp.headers["X-User"] = {v}.replace("\\r", "").replace("\\n", "")',
        'resp = HttpResponse("ok")\nresp["X-Count"] = str(int({v}))',
    ]),
    TaintCategory("logi", 117, "import logging\n\nlogger = logging.getLogger(__name__)", [
        'logger.info("login attempt for " + {v})',
        'logging.warning(f"bad search: {{{v}}}")',
    ], [
        'logger.info("login attempt for " + {v}.replace("\\n", "").replace("\\r", ""))',
        'logger.info("login attempt for %r", repr({v}))',
    ]),
]


def taint_cases() -> list[Case]:
    cases: list[Case] = []
    rng = random.Random(SEED)
    for cat in TAINT:
        combos = []
        for fw_i, (fw, sources) in enumerate(FRAMEWORKS):
            for src in [*sources, None]:
                combos.append((fw_i, fw, src))
        # vulnerable: every sink template with several (framework, source, flow) combinations
        for sink in cat.vulnerable:
            for _fw_i, fw, src in rng.sample(combos, k=min(4, len(combos))):
                flow, var = rng.choice(FLOWS)
                body = (flow + "\n" if flow else "") + sink.format(v=var)
                cases.append(Case(cat.name, cat.cwe, True, fw(cat.imports, src or "", body, src is None)))
        n_vuln = len(cat.vulnerable) * 4
        safe_bodies = []
        for sink in cat.safe:
            for _fw_i, fw, src in rng.sample(combos, k=min(3, len(combos))):
                flow, var = rng.choice(FLOWS[:4])
                safe_bodies.append((fw, src, (flow + "\n" if flow else "") + sink.format(v=var)))
        # look-alikes where the value never reaches a dangerous sink
        while len(safe_bodies) < n_vuln:
            _fw_i, fw, src = rng.choice(combos)
            flow, var = rng.choice(GENERIC_SAFE_FLOWS)
            sink = rng.choice(cat.vulnerable)
            safe_bodies.append((fw, src, flow + "\n" + sink.format(v=var)))
        for fw, src, body in safe_bodies:
            cases.append(Case(cat.name, cat.cwe, False, fw(cat.imports, src or "", body, src is None)))
    return cases


# --- pattern categories: complete snippets -------------------------------------------------------

PATTERN: dict[tuple[str, int], tuple[list[str], list[str]]] = {}


def pattern(name: str, cwe: int, vulnerable: list[str], safe: list[str]) -> None:
    PATTERN[(name, cwe)] = (vulnerable, safe)


pattern("hash", 328, [
    "import hashlib\n\ndef store_password(pw):\n    return hashlib.md5(pw.encode()).hexdigest()\n",
    "import hashlib\n\ndef sign(data):\n    return hashlib.sha1(data).hexdigest()\n",
    "import hashlib\n\ndef digest(pw):\n    h = hashlib.new('md5')\n    h.update(pw)\n    return h.hexdigest()\n",
    "from Crypto.Hash import MD5\n\ndef fingerprint(data):\n    return MD5.new(data).hexdigest()\n",
    "from cryptography.hazmat.primitives import hashes\n\ndef mk():\n    return hashes.Hash(hashes.SHA1())\n",
    "PASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher']\n",
    "import hashlib\n\nclass User:\n    def set_password(self, raw):\n        self.pw = hashlib.sha1(raw.encode()).hexdigest()\n",
    "import hashlib\nfrom flask import request\n\ndef token():\n    return hashlib.md5(request.args['u'].encode()).hexdigest()\n",
], [
    "import hashlib\n\ndef store_password(pw, salt):\n    return hashlib.pbkdf2_hmac('sha256', pw.encode(), salt, 600000)\n",
    "import hashlib\n\ndef sign(data):\n    return hashlib.sha256(data).hexdigest()\n",
    "import hashlib\n\ndef etag(body):\n    return hashlib.md5(body, usedforsecurity=False).hexdigest()\n",
    "import hashlib\n\ndef digest(data):\n    h = hashlib.new('sha512')\n    h.update(data)\n    return h.hexdigest()\n",
    "from cryptography.hazmat.primitives import hashes\n\ndef mk():\n    return hashes.Hash(hashes.SHA256())\n",
    "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']\n",
    "import hashlib\n\ndef checksum(path):\n    return hashlib.blake2b(open(path, 'rb').read()).hexdigest()\n",
    "import hashlib\n\ndef md5_name():\n    return 'md5 is ' + hashlib.sha3_256(b'x').hexdigest()\n",
])

pattern("crypto", 327, [
    "from Crypto.Cipher import DES\n\ndef enc(key, data):\n    return DES.new(key, DES.MODE_CBC).encrypt(data)\n",
    "from Crypto.Cipher import AES\n\ndef enc(key, data):\n    return AES.new(key, AES.MODE_ECB).encrypt(data)\n",
    "from Crypto.Cipher import ARC4\n\ndef enc(key, data):\n    return ARC4.new(key).encrypt(data)\n",
    "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n\ndef enc(key, iv):\n    return Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()\n",
    "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n\ndef enc(key):\n    return Cipher(algorithms.AES(key), modes.ECB()).encryptor()\n",
    "from Crypto.Cipher import Blowfish\n\ndef enc(key, data):\n    return Blowfish.new(key, Blowfish.MODE_CBC).encrypt(data)\n",
], [
    "from Crypto.Cipher import AES\n\ndef enc(key, data):\n    return AES.new(key, AES.MODE_GCM).encrypt_and_digest(data)\n",
    "from cryptography.hazmat.primitives.ciphers.aead import AESGCM\nimport os\n\ndef enc(key, data):\n    return AESGCM(key).encrypt(os.urandom(12), data, None)\n",
    "from cryptography.fernet import Fernet\n\ndef enc(key, data):\n    return Fernet(key).encrypt(data)\n",
    "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n\ndef enc(key, iv):\n    return Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()\n",
    "from Crypto.Cipher import ChaCha20_Poly1305\n\ndef enc(key, data):\n    return ChaCha20_Poly1305.new(key=key).encrypt_and_digest(data)\n",
    "CIPHER_NAME = 'DES'  # documented legacy name only\n\ndef name():\n    return CIPHER_NAME.lower()\n",
])

pattern("weakkey", 326, [
    "from cryptography.hazmat.primitives.asymmetric import rsa\n\nkey = rsa.generate_private_key(public_exponent=65537, key_size=1024)\n",
    "from Crypto.PublicKey import RSA\n\nkey = RSA.generate(1024)\n",
    "from cryptography.hazmat.primitives.asymmetric import dsa\n\nkey = dsa.generate_private_key(key_size=1024)\n",
    "from Crypto.PublicKey import RSA\n\ndef mk():\n    return RSA.generate(512)\n",
], [
    "from cryptography.hazmat.primitives.asymmetric import rsa\n\nkey = rsa.generate_private_key(public_exponent=65537, key_size=3072)\n",
    "from Crypto.PublicKey import RSA\n\nkey = RSA.generate(2048)\n",
    "from cryptography.hazmat.primitives.asymmetric import ec\n\nkey = ec.generate_private_key(ec.SECP256R1())\n",
    "from Crypto.PublicKey import RSA\n\ndef mk():\n    return RSA.generate(4096)\n",
])

pattern("weakrand", 330, [
    "import random\nfrom flask import make_response\n\ndef login():\n    resp = make_response('ok')\n    resp.set_cookie('remember', str(random.random())[2:], secure=True, httponly=True)\n    return resp\n",
    "import random\nimport string\n\ndef reset_token():\n    return ''.join(random.choice(string.ascii_letters) for _ in range(32))\n",
    "import random\n\ndef new_user(user):\n    password = str(random.randint(100000, 999999))\n    user.set_password(password)\n",
    "import random\nfrom flask import session\n\ndef start():\n    session['csrf_token'] = '%x' % random.getrandbits(64)\n",
    "import random\n\ndef otp():\n    code = random.randrange(10**6)\n    return code\n",
    "import random\n\nclass Api:\n    def issue(self):\n        self.api_key = hex(random.getrandbits(128))\n",
], [
    "import secrets\nfrom flask import make_response\n\ndef login():\n    resp = make_response('ok')\n    resp.set_cookie('remember', secrets.token_urlsafe(16), secure=True, httponly=True)\n    return resp\n",
    "import secrets\nimport string\n\ndef reset_token():\n    return ''.join(secrets.choice(string.ascii_letters) for _ in range(32))\n",
    "import random\n\ndef pick_color():\n    return random.choice(['red', 'green', 'blue'])\n",
    "import random\n\ndef new_user(user):\n    password = str(random.SystemRandom().randint(100000, 999999))\n    user.set_password(password)\n",
    "import random\n\ndef shuffle_quiz(questions):\n    random.shuffle(questions)\n    return questions\n",
    "import random\nimport time\n\ndef backoff(attempt):\n    time.sleep(random.uniform(0, 2 ** attempt))\n",
])

pattern("securecookie", 614, [
    "from flask import make_response\n\ndef view():\n    resp = make_response('ok')\n    resp.set_cookie('session_id', 'abc')\n    return resp\n",
    "from django.http import HttpResponse\n\ndef view(request):\n    resp = HttpResponse('ok')\n    resp.set_cookie('sid', 'x', secure=False, httponly=True)\n    return resp\n",
    "SESSION_COOKIE_SECURE = False\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.config['SESSION_COOKIE_SECURE'] = False\n",
    "CSRF_COOKIE_SECURE = False\n",
], [
    "from flask import make_response\n\ndef view():\n    resp = make_response('ok')\n    resp.set_cookie('session_id', 'abc', secure=True, httponly=True, samesite='Lax')\n    return resp\n",
    "from django.http import HttpResponse\n\ndef view(request):\n    resp = HttpResponse('ok')\n    resp.set_cookie('sid', 'x', secure=True, httponly=True)\n    return resp\n",
    "SESSION_COOKIE_SECURE = True\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.config['SESSION_COOKIE_SECURE'] = True\n",
    "from django.http import HttpResponse\n\ndef view(request):\n    resp = HttpResponse('ok')\n    resp.delete_cookie('sid')\n    return resp\n",
])

pattern("debug", 489, [
    "from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', debug=True)\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.debug = True\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.config['DEBUG'] = True\n",
    "from fastapi import FastAPI\n\napp = FastAPI(debug=True)\n",
], [
    "import os\nfrom flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    app.run(debug=os.environ.get('FLASK_DEBUG') == '1')\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.debug = False\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.config['TESTING'] = True\n",
    "from fastapi import FastAPI\n\napp = FastAPI(title='api')\n",
])

pattern("djsettings", 16, [
    "DEBUG = True\nALLOWED_HOSTS = ['example.com']\n",
    "DEBUG = False\nALLOWED_HOSTS = ['*']\n",
    "DEBUG = False\nSECURE_SSL_REDIRECT = False\n",
    "CORS_ALLOW_ALL_ORIGINS = True\n",
], [
    "import os\nDEBUG = os.environ.get('DJANGO_DEBUG') == '1'\nALLOWED_HOSTS = ['example.com']\n",
    "DEBUG = False\nALLOWED_HOSTS = ['example.com', 'www.example.com']\n",
    "DEBUG = False\nSECURE_SSL_REDIRECT = True\nSECURE_HSTS_SECONDS = 31536000\n",
    "CORS_ALLOWED_ORIGINS = ['https://example.com']\n",
])

pattern("csrf", 352, [
    "from django.views.decorators.csrf import csrf_exempt\nfrom django.http import HttpResponse\n\n@csrf_exempt\ndef transfer(request):\n    return HttpResponse('ok')\n",
    "from flask import Flask\nfrom flask_wtf.csrf import CSRFProtect\n\napp = Flask(__name__)\ncsrf = CSRFProtect(app)\n\n@csrf.exempt\n@app.route('/pay', methods=['POST'])\ndef pay():\n    return 'ok'\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.config['WTF_CSRF_ENABLED'] = False\n",
], [
    "from django.views.decorators.csrf import csrf_protect\nfrom django.http import HttpResponse\n\n@csrf_protect\ndef transfer(request):\n    return HttpResponse('ok')\n",
    "from flask import Flask\nfrom flask_wtf.csrf import CSRFProtect\n\napp = Flask(__name__)\ncsrf = CSRFProtect(app)\n\n@app.route('/pay', methods=['POST'])\ndef pay():\n    return 'ok'\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.config['WTF_CSRF_ENABLED'] = True\n",
])

pattern("tls", 295, [
    "import requests\n\ndef fetch(url):\n    return requests.get(url, verify=False, timeout=5)\n",
    "import ssl\n\nctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\n",
    "import ssl\nimport urllib.request\n\ndef fetch(url):\n    return urllib.request.urlopen(url, context=ssl._create_unverified_context())\n",
    "import httpx\n\nclient = httpx.Client(verify=False)\n",
], [
    "import requests\n\ndef fetch(url):\n    return requests.get(url, verify=True, timeout=5)\n",
    "import ssl\n\nctx = ssl.create_default_context()\nctx.check_hostname = True\n",
    "import requests\n\ndef fetch(url):\n    return requests.get(url, verify='/etc/ssl/certs/internal-ca.pem', timeout=5)\n",
    "import httpx\n\nclient = httpx.Client(timeout=5)\n",
])

pattern("jwt", 347, [
    "import jwt\n\ndef claims(token):\n    return jwt.decode(token, options={'verify_signature': False})\n",
    "import jwt\n\ndef claims(token, key):\n    return jwt.decode(token, key, algorithms=['HS256', 'none'])\n",
    "import jwt\n\nOPTS = {'verify_signature': False}\n\ndef claims(token):\n    opts = {'verify_signature': False, 'verify_exp': True}\n    return jwt.decode(token, options=opts)\n",
], [
    "import jwt\n\ndef claims(token, key):\n    return jwt.decode(token, key, algorithms=['HS256'])\n",
    "import jwt\n\ndef claims(token, key):\n    return jwt.decode(token, key, algorithms=['RS256'], options={'require': ['exp']})\n",
    "import jwt\n\ndef header(token):\n    return jwt.get_unverified_header(token)['kid']\n",
])

pattern("hardcoded", 798, [
    "import psycopg2\n\nconn = psycopg2.connect(host='db', user='app', password='S3cr3t-Pa55')\n",
    "SECRET_KEY = 'django-insecure-8f#2k!x9q0z'\n",
    "from flask import Flask\n\napp = Flask(__name__)\napp.secret_key = 'dev-key-123456'\n",
    "API_KEY = 'AKIA1234567890ABCDEF'\n\ndef headers():\n    return {'Authorization': API_KEY}\n",
    "class Settings:\n    db_password = 'hunter2hunter2'\n",
], [
    "import os\nimport psycopg2\n\nconn = psycopg2.connect(host='db', user='app', password=os.environ['DB_PASSWORD'])\n",
    "import os\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n",
    "import os\nfrom flask import Flask\n\napp = Flask(__name__)\napp.secret_key = os.urandom(32)\n",
    "PASSWORD_FIELD = 'password'\nTOKEN_HEADER = 'X-Api-Token'\n",
    "class Settings:\n    db_password = ''\n",
])

pattern("secretlog", 532, [
    "import logging\n\nlog = logging.getLogger(__name__)\n\ndef login(username, password):\n    log.info('login %s with %s', username, password)\n",
    "import logging\n\ndef connect(cfg):\n    logging.debug(f\"connecting with api_key={cfg['api_key']}\")\n",
    "import logging\n\nlogger = logging.getLogger('auth')\n\ndef issue(user, token):\n    logger.warning('issued token ' + token + ' to ' + user)\n",
], [
    "import logging\n\nlog = logging.getLogger(__name__)\n\ndef login(username, password):\n    log.info('login attempt for %s', username)\n",
    "import logging\n\ndef connect(cfg):\n    logging.debug('connecting to %s', cfg['host'])\n",
    "import logging\n\nlogger = logging.getLogger('auth')\n\ndef reset(user, password_reset):\n    logger.info('password changed for %s (reset=%s)', user, password_reset)\n",
])

pattern("tempfile", 377, [
    "import tempfile\n\ndef scratch():\n    path = tempfile.mktemp(suffix='.csv')\n    open(path, 'w').write('a,b')\n",
    "def export(data):\n    with open('/tmp/export.csv', 'w') as fh:\n        fh.write(data)\n",
], [
    "import tempfile\n\ndef scratch():\n    with tempfile.NamedTemporaryFile('w', suffix='.csv', delete=False) as fh:\n        fh.write('a,b')\n",
    "import tempfile\n\ndef export(data):\n    fd, path = tempfile.mkstemp()\n    with open(fd, 'w') as fh:\n        fh.write(data)\n",
])

pattern("perms", 732, [
    "import os\n\ndef publish(path):\n    os.chmod(path, 0o777)\n",
    "import os\n\nos.makedirs('/srv/data', mode=0o777, exist_ok=True)\n",
    "import os\nimport stat\n\ndef share(path):\n    os.chmod(path, stat.S_IRWXU | stat.S_IWOTH)\n",
], [
    "import os\n\ndef publish(path):\n    os.chmod(path, 0o600)\n",
    "import os\n\nos.makedirs('/srv/data', mode=0o750, exist_ok=True)\n",
    "import os\nimport stat\n\ndef share(path):\n    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)\n",
])

pattern("assertauth", 285, [
    "def delete_post(request, post):\n    assert request.user.is_staff, 'staff only'\n    post.delete()\n",
    "def admin_view(user):\n    assert user.has_perm('app.change'), 'forbidden'\n    return 'secret'\n",
], [
    "from django.core.exceptions import PermissionDenied\n\ndef delete_post(request, post):\n    if not request.user.is_staff:\n        raise PermissionDenied\n    post.delete()\n",
    "def mean(values):\n    assert len(values) > 0, 'empty'\n    return sum(values) / len(values)\n",
])

pattern("errorleak", 209, [
    "import traceback\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/run')\ndef run():\n    try:\n        return do_work()\n    except Exception:\n        return traceback.format_exc(), 500\n",
    "from django.http import JsonResponse\n\ndef api(request):\n    try:\n        return JsonResponse(compute())\n    except ValueError as e:\n        return JsonResponse({'error': str(e)}, status=400)\n",
], [
    "import logging\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/run')\ndef run():\n    try:\n        return do_work()\n    except Exception:\n        logging.exception('work failed')\n        return 'internal error', 500\n",
    "from django.http import JsonResponse\n\ndef api(request):\n    try:\n        return JsonResponse(compute())\n    except ValueError:\n        return JsonResponse({'error': 'invalid input'}, status=400)\n",
])

pattern("swallow", 390, [
    "def load(path):\n    try:\n        return open(path).read()\n    except:\n        pass\n",
    "def sync(items):\n    for item in items:\n        try:\n            push(item)\n        except Exception:\n            continue\n",
    "def close(conn):\n    try:\n        conn.close()\n    except Exception as e:\n        pass\n",
], [
    "import logging\n\ndef load(path):\n    try:\n        return open(path).read()\n    except OSError:\n        logging.exception('cannot read %s', path)\n        raise\n",
    "def parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        return None\n",
    "import logging\n\ndef sync(items):\n    for item in items:\n        try:\n            push(item)\n        except Exception:\n            logging.exception('push failed')\n            continue\n",
])

pattern("failopen", 636, [
    "import jwt\n\ndef verify_token(token, key):\n    try:\n        jwt.decode(token, key, algorithms=['HS256'])\n        return True\n    except Exception:\n        return True\n",
    "def has_permission(user, obj):\n    try:\n        return acl.check(user, obj)\n    except Exception:\n        return True\n",
], [
    "import jwt\n\ndef verify_token(token, key):\n    try:\n        jwt.decode(token, key, algorithms=['HS256'])\n        return True\n    except jwt.InvalidTokenError:\n        return False\n",
    "def has_permission(user, obj):\n    try:\n        return acl.check(user, obj)\n    except Exception:\n        return False\n",
])


def pattern_cases() -> list[Case]:
    cases = []
    for (name, cwe), (vulnerable, safe) in PATTERN.items():
        cases += [Case(name, cwe, True, c) for c in vulnerable]
        cases += [Case(name, cwe, False, c) for c in safe]
    return cases


def write(cases: list[Case]) -> None:
    rng = random.Random(SEED)
    rows: dict[str, list[list[str]]] = {"corpus": [], "holdout": []}
    for part in rows:
        shutil.rmtree(HERE / part, ignore_errors=True)
    counters: dict[str, itertools.count[int]] = {}
    for case in cases:
        part = "holdout" if rng.random() < HOLDOUT_SHARE else "corpus"
        n = next(counters.setdefault(case.category, itertools.count(1)))
        rel = f"{case.category}/{case.category}_{n:03d}.py"
        path = HERE / part / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case.code)
        rows[part].append([rel, case.category, f"CWE-{case.cwe}", str(case.vulnerable).lower()])
    for part, part_rows in rows.items():
        with (HERE / f"expected-{part}.csv").open("w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["file", "category", "cwe", "vulnerable"])
            writer.writerows(sorted(part_rows))


if __name__ == "__main__":
    all_cases = taint_cases() + pattern_cases()
    write(all_cases)
    print(f"{len(all_cases)} cases")
