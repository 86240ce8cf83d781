"""Run the real `secsdlc` dispatcher with only the history commands registered.

Other commands belong to other engineers and may be mid-change in the shared tree; the history
tests must not fail because `secsdlc scan` does not import today. Runnable as a script so that the
concurrency test can start real processes.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from secsdlc import cli

OURS = ("history", "trends", "report")


def main(argv: Sequence[str]) -> int:
    cli.COMMANDS = {name: f"secsdlc.cli.{name}" for name in OURS}
    return cli.main(list(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
