"""Cache lookups take turns in the plan's order, one at a time, and a stuck scanner cannot block."""

from __future__ import annotations

import threading
import time

from secsdlc.turns import Turns


def _run(turns: Turns, names: list[str], log: list[str], hold: float = 0.02) -> None:
    holders: list[str] = []

    def worker(name: str) -> None:
        with turns.turn(name):
            holders.append(name)
            assert len(holders) == 1, holders  # nobody else holds a turn
            log.append(name)
            time.sleep(hold)
            holders.remove(name)

    threads = [threading.Thread(target=worker, args=(n,)) for n in names]
    for t in threads:
        t.start()
        time.sleep(0.01)  # started in the given order, which is not the plan's
    for t in threads:
        t.join(10)
        assert not t.is_alive()


def test_turns_follow_the_plan_order() -> None:
    log: list[str] = []
    _run(Turns(["semgrep", "bandit", "secrets"]), ["secrets", "bandit", "semgrep"], log)
    assert log == ["semgrep", "bandit", "secrets"]


def test_a_passed_turn_is_not_waited_for() -> None:
    turns = Turns(["semgrep", "bandit", "secrets"], patience=30)
    turns.pass_turn("semgrep")  # e.g. semgrep is not installed
    log: list[str] = []
    started = time.monotonic()
    _run(turns, ["secrets", "bandit"], log)
    assert log == ["bandit", "secrets"]
    assert time.monotonic() - started < 5


def test_a_scanner_that_never_comes_holds_the_others_back_only_so_long() -> None:
    turns = Turns(["stuck", "bandit"], patience=0.3)
    log: list[str] = []
    started = time.monotonic()
    _run(turns, ["bandit"], log)
    waited = time.monotonic() - started
    assert log == ["bandit"]
    assert 0.25 <= waited < 5


def test_an_unknown_name_does_not_wait() -> None:
    log: list[str] = []
    _run(Turns(["a"], patience=30), ["plugin"], log)
    assert log == ["plugin"]
