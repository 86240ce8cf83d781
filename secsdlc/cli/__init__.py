"""Command line: `main(argv) -> int` only parses and dispatches; one module per command.

Each command module exposes `register(subparsers)` and `run(args) -> int`, and keeps heavy imports
inside `run` so that `secsdlc --version` and `--help` stay fast.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType

from secsdlc import __version__, process, sanitize
from secsdlc.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    SecsdlcError,
)

# command name -> module; the order is the order of `secsdlc --help`.
COMMANDS: dict[str, str] = {
    "scan": "secsdlc.cli.scan",
    "scanners": "secsdlc.cli.scanners",
    "sarif": "secsdlc.cli.sarif",
    "baseline": "secsdlc.cli.baseline",
    "install-hooks": "secsdlc.cli.install_hooks",
    "db": "secsdlc.cli.db",
    "history": "secsdlc.cli.history",
    "trends": "secsdlc.cli.trends",
    "report": "secsdlc.cli.report",
    "gate": "secsdlc.cli.gate",
    "waiver": "secsdlc.cli.waiver",
    "correspondent": "secsdlc.cli.correspondent",
    "policy": "secsdlc.cli.policy",
    "signoff": "secsdlc.cli.signoff",
    "audit": "secsdlc.cli.audit",
    "ci": "secsdlc.cli.ci",
    "rules": "secsdlc.cli.rules",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="secsdlc",
        description="Secure-SDLC scanning: SAST, OWASP rules, dependency audit and secrets, "
        "one SARIF, one gate.",
    )
    parser.add_argument("--version", action="version", version=f"secsdlc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMANDS.values():
        importlib.import_module(module_name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:
        print(f"secsdlc {__version__}")
        return 0
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[args.command])
    with sanitize.guarded_streams(), _stop_children_on_signals():
        try:
            return int(module.run(args))
        except SecsdlcError as e:
            print(f"secsdlc: error: {sanitize.terminal(str(e))}", file=sys.stderr)
            return e.exit_code
        except BrokenPipeError:
            return EXIT_BROKEN_PIPE
        except Terminated:
            process.stop_all(wait=True)
            print("secsdlc: terminated", file=sys.stderr)
            return EXIT_TERMINATED
        except KeyboardInterrupt:
            process.stop_all(wait=True)
            print("secsdlc: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        except Exception as e:
            print(f"secsdlc: internal error: {type(e).__name__}: {sanitize.terminal(str(e))}",
                  file=sys.stderr)
            return EXIT_INTERNAL


class Terminated(BaseException):
    """SIGTERM (a CI cancellation), raised in the main thread like KeyboardInterrupt."""


@contextlib.contextmanager
def _stop_children_on_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM kill every scanner's process group at once, then unwind.

    The children run in sessions of their own, so the terminal's SIGINT does not reach them;
    killing them in the handler also lets the scanner threads return instead of waiting.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_signal(signum: int, frame: FrameType | None) -> None:
        process.stop_all(wait=False)
        if signum == signal.SIGTERM:
            raise Terminated
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        process.resume()


def console_main() -> None:
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = EXIT_BROKEN_PIPE
    if code == EXIT_BROKEN_PIPE:
        # the interpreter flushes stdout once more on exit: quietly, into /dev/null
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code)
