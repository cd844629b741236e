"""The cost of the edition's parts and search index, against the rendering they follow.

    .venv/bin/python benchmarks/html_parts.py [--pages 600] [--runs 5]

On the generated book of tests/longbook.py: CPU seconds (this process, one core) of
html.render_page, of split.split_edition over its page and of search.search_index over
the parts, medians of --runs runs; printed with their ratio to render_page in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from longbook import long_book
from teiforge.html import render_page
from teiforge.html.search import search_index
from teiforge.html.split import split_edition
from teiforge.xmlsafe import parse_bytes

CPU = time.process_time


def _median(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = CPU()
        work()  # type: ignore[operator]
        times.append(CPU() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tree = parse_bytes(long_book(args.pages))
    html, _ = render_page(tree)  # templates compiled once, outside the timing
    edition = split_edition(html, "long.html")
    render = _median(args.runs, lambda: render_page(tree))
    split = _median(args.runs, lambda: split_edition(html, "long.html"))
    search = _median(args.runs, lambda: search_index(edition, "t"))
    print(
        f"{args.pages} pages, {len(html.encode()) / 1e6:.2f} MB of HTML, {len(edition.pages)} pages out"
    )
    print(f"render_page   {render:.3f} s")
    print(f"split_edition {split:.3f} s  ({split / render:.2f}x render_page)")
    print(f"search_index  {search:.3f} s  ({search / render:.2f}x render_page)")


if __name__ == "__main__":
    main()
