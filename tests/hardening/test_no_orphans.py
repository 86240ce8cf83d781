"""Ctrl-C and SIGTERM (a CI cancellation) during a real scan: secsdlc exits 130 or 143 and no
scanner process outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

VULNERABLE = "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n"


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, session id) of a live process, None once it is gone or a zombie."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    if fields[0] == "Z":
        return None
    return int(fields[1]), int(fields[3])


def _all_pids() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def _descendants(root: int) -> dict[int, int]:
    """pid -> session id of every live process below `root`."""
    children: dict[int, list[int]] = {}
    sessions: dict[int, int] = {}
    for pid in _all_pids():
        st = _stat(pid)
        if st is not None:
            children.setdefault(st[0], []).append(pid)
            sessions[pid] = st[1]
    found: dict[int, int] = {}
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = sessions[child]
            todo.append(child)
    return found


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_during_a_real_scan_leaves_no_scanner_running(tmp_path: Path, signum: int,
                                                             code: int) -> None:
    for i in range(300):  # enough work that the scanners are still running when signalled
        (tmp_path / f"m{i}.py").write_text(VULNERABLE * 40)
    proc = subprocess.Popen([sys.executable, "-m", "secsdlc", "scan", "--no-cache",
                             "--no-progress", "--scanners", "semgrep,bandit", "."],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0"})
    seen: dict[int, int] = {}
    deadline = time.monotonic() + 120
    # wait for both scanners' processes (semgrep's own workers included) to be under way
    while time.monotonic() < deadline and proc.poll() is None:
        seen.update(_descendants(proc.pid))
        if any(sid != os.getsid(proc.pid) for sid in seen.values()):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the scan ended before it could be interrupted"
    time.sleep(0.5)  # let the scanners start their own workers (semgrep-core)
    seen.update(_descendants(proc.pid))
    sessions = {sid for sid in seen.values() if sid != os.getsid(proc.pid)}
    assert sessions, seen
    proc.send_signal(signum)
    assert proc.wait(timeout=60) == code
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    assert "Traceback" not in err, err
    time.sleep(0.2)
    survivors = [pid for pid in seen if _stat(pid) is not None]
    in_sessions = [pid for pid in _all_pids()
                   if (st := _stat(pid)) is not None and st[1] in sessions]
    assert survivors == [] and in_sessions == [], (survivors, in_sessions)
