"""Scanner threads take turns for their cache lookups, in the plan's order.

A warm scan reads thousands of small cache entries per scanner. Three threads doing that at once
fight over the GIL and each takes longer than all of them one after the other
(benchmarks/bench_devloop.py measures the warm rescan). The plan's order puts first the scanner
whose process is slowest to start (semgrep), so that on a one-file rescan its process starts while
the others still read their entries.

A scanner that is slow to reach its turn (a plugin whose version() hangs) holds the ones after it
back for at most `patience` seconds, so that it cannot make them time out too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


class Turns:
    def __init__(self, order: Sequence[str], *, patience: float = 2.0) -> None:
        self._order = list(order)
        self._patience = patience
        self._done: set[str] = set()
        self._busy = False
        self._cond = threading.Condition()

    @contextmanager
    def turn(self, name: str) -> Iterator[None]:
        """Wait until every scanner before `name` has had its turn (or patience ran out) and
        nobody else holds one, then hold it."""
        deadline = time.monotonic() + self._patience
        before = self._order[:self._order.index(name)] if name in self._order else []
        with self._cond:
            while self._busy or not (all(b in self._done for b in before)
                                     or time.monotonic() >= deadline):
                self._cond.wait(timeout=max(0.01, min(0.1, deadline - time.monotonic())))
            self._busy = True
        try:
            yield
        finally:
            with self._cond:
                self._busy = False
                self._done.add(name)
                self._cond.notify_all()

    def pass_turn(self, name: str) -> None:
        """`name` will not take its turn (it failed, or has no cache): do not wait for it."""
        with self._cond:
            self._done.add(name)
            self._cond.notify_all()
