"""How fast the built-in base of names loads and matches.

    python benchmarks/names_speed.py

Prints the processor time to load the base for French (places and institutions, and the
matcher over them) in a fresh interpreter, the median of five; and the matching speed in
MB/s on the seed's paragraphs repeated forty times (text as dense in names as the seed),
the median of five runs. Goals: load under 0.5 s, match at least 1 MB/s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from measure import SEED

_LOAD = (
    "import time; from teiforge.names.known import known_names as k;"
    "t = time.process_time(); k(None, 'fr'); print(time.process_time() - t)"
)


def load_seconds() -> float:
    run = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
    return float(run.stdout)


def match_rate() -> tuple[int, int, float]:
    from teiforge.names.candidates import Words, choose, from_lists
    from teiforge.names.known import known_names

    seed = SEED.read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in seed.split("\n\n") if p.strip()] * 40
    known = known_names(None, "fr")
    size = sum(len(p.encode()) for p in paragraphs)
    started = time.process_time()
    found = sum(len(choose(from_lists(Words.of(p), known), ())) for p in paragraphs)
    return size, found, size / (time.process_time() - started) / 1e6


def main() -> None:
    load = statistics.median(load_seconds() for _ in range(5))
    runs = [match_rate() for _ in range(5)]
    size, found, _ = runs[0]
    rate = statistics.median(rate for _, _, rate in runs)
    print(f"load the base for French: {load:.3f} s CPU (goal < 0.5 s)")
    print(f"match: {size:,} bytes, {found} names, {rate:.2f} MB/s (goal >= 1 MB/s)")


if __name__ == "__main__":
    main()
