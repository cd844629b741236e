"""What the speed benchmarks share: where the development data is, the median of timed
runs, and the peak memory of a command run in a child process.

Machines are noisy: every figure is the median of several runs, and a ratio is taken
between figures measured in the same run of a script, never against a number from
another day.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_DATA = Path(
    os.environ.get("TEIFORGE_OCR_DEV") or REPO.parent / "shared" / "data" / "ocr-fr-dev"
)
SEED = REPO / "seeds" / "000_9de8f81969a03aea.txt"

# Run a command and print, as JSON, its exit code, its wall time and the peak resident
# memory of the largest process among it and its descendants (the workers of a pool too:
# the command waits for them, and RUSAGE_CHILDREN's ru_maxrss is the largest of them).
_PEAK = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - started
kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "seconds": seconds, "kib": kib}))
"""


def dev_sources() -> list[Path]:
    files = sorted(DEV_DATA.glob("*.ocr.txt"))
    if not files:
        raise SystemExit(f"no development data at {DEV_DATA} (set TEIFORGE_OCR_DEV)")
    return files


def median_time(
    function: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The median of `runs` timings of `function`; with clock=time.process_time, the CPU
    time of this process (one core's work, whatever else the machine is doing)."""
    times = []
    for _ in range(runs):
        start = clock()
        function()
        times.append(clock() - start)
    return statistics.median(times)


def run_measured(command: Sequence[str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of `command` run in a child process; it must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], cwd=cwd, capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout)
    if found["code"] != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {found['code']}")
    return float(found["seconds"]), float(found["kib"]) / 1024


def peak_rss_mib(command: Sequence[str], cwd: Path | None = None) -> float:
    """The peak RSS, in MiB, of `command` run in a child process (it must succeed)."""
    return run_measured(command, cwd)[1]


def python_peak_rss_mib(code: str, *args: str) -> float:
    """The peak RSS, in MiB, of a Python child process running `code`."""
    return peak_rss_mib([sys.executable, "-c", code, *args])


def teiforge_command() -> list[str]:
    return [sys.executable, "-m", "teiforge"]
