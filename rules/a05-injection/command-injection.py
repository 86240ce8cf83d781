import os
import shlex
import subprocess
from flask import request


def run():
    host = request.form["host"]
    # ruleid: secsdlc.python.injection.command-injection
    os.system("ping -c 1 " + host)
    # ruleid: secsdlc.python.injection.command-injection
    subprocess.run(f"nslookup {host}", shell=True)
    # ruleid: secsdlc.python.injection.command-injection
    os.popen("dig %s" % host)
    # ruleid: secsdlc.python.injection.command-injection
    subprocess.call(["bash", "-c", "echo " + host])
    args = ["/bin/sh", "-c", "traceroute " + host]
    # ruleid: secsdlc.python.injection.command-injection
    subprocess.Popen(args)
    # ok: secsdlc.python.injection.command-injection
    subprocess.run(["ping", "-c", "1", host])
    safe_args = ["/bin/sh", "-c", "uptime"]
    # ok: secsdlc.python.injection.command-injection
    subprocess.Popen(safe_args)
    # ok: secsdlc.python.injection.command-injection
    subprocess.run("ping -c 1 " + shlex.quote(host), shell=True)
    # ok: secsdlc.python.injection.command-injection
    os.system("ping -c 1 localhost")
    count = int(request.args["n"])
    # ok: secsdlc.python.injection.command-injection
    os.system("seq %d" % count)
