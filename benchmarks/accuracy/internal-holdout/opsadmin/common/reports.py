"""Running the reporting scripts and small shell utilities."""
import logging
import subprocess

from opsadmin import settings

log = logging.getLogger(__name__)


def run_script(args_line, timeout=600):
    """Runs the report wrapper; it expects a single command line."""
    command = "%s %s" % (settings.REPORT_SCRIPT, args_line)
    log.info("starting report: %s", command)
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=timeout)
    return proc.returncode, proc.stdout


def archive(command):
    rc = subprocess.call(command, shell=True)
    if rc:
        log.error("archive failed with %s", rc)
    return rc


def probe(argv):
    out = subprocess.run(argv, capture_output=True, text=True, timeout=10)
    return out.stdout
