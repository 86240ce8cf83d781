"""Run the real `secsdlc` dispatcher in-process, or as a script so that the concurrency test can
start real processes."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from secsdlc import cli


def main(argv: Sequence[str]) -> int:
    # the whole dispatcher: replacing cli.COMMANDS here leaked into every later test of the
    # same worker process (signoff's commands vanished)
    return cli.main(list(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
