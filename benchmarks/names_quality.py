"""How well names are found: precision and recall per type (person, place, org) against
my hand annotation of the seed, pages of ../shared/data/books (clean ground truth) and
paragraphs of ../shared/data/ocr-fr-dev and ocr-fr-hipe (raw OCR), for the tune split and the
two held-out ones (held-out, heldout2); and
the names stage's share of the encoding time.

    PYTHONPATH=src python benchmarks/names_quality.py [--data DIR] [--split S] [--show]

The gold is benchmarks/names/gold.json (its `about` gives the conventions). A document
is encoded blind (no authority file) as a whole; its names (persName, placeName,
orgName in the body) are compared with the gold's as a multiset of (key, type), the key
being the name folded (case, accents, spaces, hyphens and line-end marks aside): a name
found with the wrong type or the wrong extent is a false positive and a miss. Documents
whose source is absent (the shared data is not shipped) are skipped and said so.
`--show` prints each document's misses and false positives (use it on tune only).

Time: the encoding of every document present, three runs, with the names annotator
timed inside it; the share is the median of the names time over the median total.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from lxml import etree

from teiforge import annotate
from teiforge.encode import EncodeOptions, encode
from teiforge.names.normalise import fold
from teiforge.read import source_from_bytes

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "benchmarks" / "names" / "gold.json"
T = "{http://www.tei-c.org/ns/1.0}"
TYPES = {"persName": "person", "placeName": "place", "orgName": "org"}
KINDS = ("person", "place", "org")


def data_dir(given: Path | None) -> Path | None:
    candidates = [given] if given else []
    if os.environ.get("TEIFORGE_DATA"):
        candidates.append(Path(os.environ["TEIFORGE_DATA"]))
    candidates += [base / "shared" / "data" for base in REPO.parents[:2]]
    return next((c for c in candidates if c and c.is_dir()), None)


def text_of(document: dict, data: Path | None) -> str | None:
    """The selection of the document's source, or None when the source is absent."""
    source = document["source"]
    path = REPO / source if source.startswith("seeds/") else data / source if data else None
    if path is None or not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    if "pages" in document:  # [first, stop) of the pages, split at form feeds
        first, stop = document["pages"]
        text = "\f".join(text.split("\f")[first:stop])
    if "chars" in document:  # the first characters, cut at a word's end
        text = text[: document["chars"]].rsplit(" ", 1)[0]
    return text


def key(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalnum())


def found_names(xml: bytes) -> list[tuple[str, str]]:
    body = etree.fromstring(xml).find(f"{T}text")
    return [
        (key("".join(e.itertext())), TYPES[etree.QName(e).localname])
        for e in body.iter(*(f"{T}{tag}" for tag in TYPES))
    ]


class Timed:
    """The names annotator, timed wherever the pipeline calls it."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.inner = annotate.ANNOTATORS["names"]

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return self.inner(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


def score(counts: dict[str, Counter[str]]) -> str:
    cells = []
    for kind in KINDS:
        tp, fp, fn = counts["tp"][kind], counts["fp"][kind], counts["fn"][kind]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        cells.append(f"{kind} P {p:.2f} R {r:.2f} (n={tp + fn})")
    tp, fp, fn = (sum(counts[x].values()) for x in ("tp", "fp", "fn"))
    p, r = tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return " | ".join(cells) + f" | all P {p:.2f} R {r:.2f} F1 {f1:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="../shared/data")
    parser.add_argument("--show", action="store_true", help="misses and false positives")
    parser.add_argument(
        "--split",
        choices=("tune", "held-out", "heldout2", "all"),
        default="all",
        help="the documents to encode (default: all; --show prints tune only)",
    )
    parser.add_argument("--no-time", action="store_true", help="skip the time share")
    args = parser.parse_args()
    data = data_dir(args.data)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    options = EncodeOptions(date="2026-01-01")
    splits: dict[str, dict[str, Counter[str]]] = {}
    texts: list[str] = []
    for document in gold:
        if args.split != "all" and document["split"] != args.split:
            continue
        text = text_of(document, data)
        if text is None:
            print(f"skipped (absent): {document['source']}")
            continue
        texts.append(text)
        xml = encode(source_from_bytes(text.encode("utf-8"), "doc.txt"), options)
        expected = Counter((key(name), kind) for name, kind in document["names"])
        actual = Counter(found_names(xml))
        counts = splits.setdefault(document["split"], {x: Counter() for x in ("tp", "fp", "fn")})
        for (_, kind), n in (expected & actual).items():
            counts["tp"][kind] += n
        for (_, kind), n in (actual - expected).items():
            counts["fp"][kind] += n
        for (_, kind), n in (expected - actual).items():
            counts["fn"][kind] += n
        if args.show and document["split"] == "tune":
            print(f"{document['source']}: missed {sorted((expected - actual).elements())}")
            print(f"  false {sorted((actual - expected).elements())}")
    for split in ("tune", "held-out", "heldout2"):
        if split in splits:
            print(f"{split:8}: {score(splits[split])}")
    if args.no_time:
        return
    timed = Timed()
    annotate.ANNOTATORS["names"] = timed
    totals, names = [], []
    for _ in range(3):
        timed.seconds = 0.0
        started = time.perf_counter()
        for text in texts:
            encode(source_from_bytes(text.encode("utf-8"), "doc.txt"), options)
        totals.append(time.perf_counter() - started)
        names.append(timed.seconds)
    annotate.ANNOTATORS["names"] = timed.inner
    total, spent = statistics.median(totals), statistics.median(names)
    print(f"names stage: {spent:.3f} s of {total:.3f} s encoding ({spent / total:.0%}; goal < 20%)")


if __name__ == "__main__":
    main()
