"""HTML rendering speed: documents per second on one core, and the time of the seed's edition.

    .venv/bin/python benchmarks/html_speed.py [--runs 5]

The development set's 715 texts are encoded once into a temporary folder (outside the
repository). Timed: html.render_page over every parsed edition (CPU seconds of this
process: one core's work, however busy the machine is), and `teiforge html` of the
repository's edition of the seed (tei/<seed>.xml: its page, the indexes, the static files),
as a child process from start to exit. Medians of --runs runs; the memory peaks are those
of child processes rendering the whole set, and the seed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from measure import REPO, dev_sources, median_time, python_peak_rss_mib, run_measured

from teiforge.encode import EncodeOptions, encode
from teiforge.html import render_page
from teiforge.read import read_source
from teiforge.tei.load import load_tei

CPU = time.process_time

_RENDER_ALL = """
import sys
from pathlib import Path
from teiforge.html import render_site
files = sorted(Path(sys.argv[1]).glob("*.xml"))
render_site(files, Path(sys.argv[2]))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seed_editions = [REPO / "tei" / f"{seed.stem}.xml" for seed in sorted(REPO.glob("seeds/*.txt"))]
    with tempfile.TemporaryDirectory(prefix="teiforge-html-speed-") as scratch:
        folder = Path(scratch)
        (folder / "tei").mkdir()
        for path in dev_sources():
            data = encode(read_source(path), EncodeOptions(date="2026-01-01"))
            (folder / "tei" / path.name.replace(".ocr.txt", ".xml")).write_bytes(data)
        editions = sorted((folder / "tei").glob("*.xml"))
        trees = [load_tei(path) for path in editions]
        render_page(trees[0])  # templates compiled once, outside the timing
        seconds = median_time(lambda: [render_page(tree) for tree in trees], args.runs, CPU)
        peak = python_peak_rss_mib(_RENDER_ALL, str(folder / "tei"), str(folder / "site-all"))
        print(f"{'rendered':<34}{'documents':>10}{'median s':>10}{'docs/s':>8}{'peak MiB':>10}")
        print(
            f"{'ocr-fr-dev, render_page (CPU)':<34}{len(trees):>10}{seconds:>10.2f}"
            f"{len(trees) / seconds:>8.0f}{peak:>10.0f}"
        )
        command = [sys.executable, "-m", "teiforge", "html", *map(str, seed_editions)]
        runs = [
            run_measured([*command, "-o", str(folder / f"seed-site-{run}")])
            for run in range(args.runs)
        ]
        median = statistics.median(seconds for seconds, _ in runs)
        print(
            f"{'seed, teiforge html (wall)':<34}{len(seed_editions):>10}{median:>10.2f}"
            f"{len(seed_editions) / median:>8.1f}{max(mib for _, mib in runs):>10.0f}"
        )


if __name__ == "__main__":
    main()
