"""How the encoder lays out novels printed as OCR pages: passages of the public-domain
novels of ../shared/data/corpus-fr/eltec-fra-plain1.txt.gz typeset as plain-text pages
(benchmarks/printed_typeset.py) in a style drawn at random per document over issue 17's
conventions (running heads, page-number forms, headings, footnote calls and numbering,
spacing, quotation marks), clean and through an OCR-noise channel, and scored page by page
as benchmarks/layout_books.py scores real books (benchmarks/layout_score.py), with a
breakdown by convention.

    PYTHONPATH=src python benchmarks/printed_pages.py                   # held out, both
    PYTHONPATH=src python benchmarks/printed_pages.py --split tune --variant clean --show
    PYTHONPATH=src python benchmarks/printed_pages.py --write /tmp/printed  # the documents

Split (decided before any result, pinned in tests/test_printed_pages.py): documents cut
from novels of even index in the corpus (0, 2, ...) are tune, of odd index held out.
Deterministic from --seed. Quotations: a quotation that starts on a page is found when a
<q>, <quote> or <said> that starts on that page starts like it.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layout_score import FIGURES, ROWS, read_tei, same, score_page, table, with_rates
from printed_typeset import Document, novels, typeset

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = 30  # per split
SEED = "printed-1"
CONFUSIONS = ROOT / "src" / "teiforge" / "data" / "ocr" / "confusions.tsv"


def corpus_path() -> Path:
    candidates = [
        base / "shared/data/corpus-fr/eltec-fra-plain1.txt.gz" for base in ROOT.parents[:2]
    ]
    return next((c for c in candidates if c.is_file()), candidates[0])


def split_of(novel_index: int) -> str:
    return "tune" if novel_index % 2 == 0 else "heldout"


def confusions() -> list[tuple[str, str]]:
    """The learned letter confusions (on the page, as the OCR read it), seen 20 times or more."""
    pairs = []
    with CONFUSIONS.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) < 3 or row[0].startswith("#") or not row[2].isdigit():
                continue
            if int(row[2]) >= 20 and row[0].isalpha() and row[1].isalpha():
                pairs.append((row[1], row[0]))  # the file: printed (read), page
    return pairs


def documents(split: str, count: int = DOCUMENTS, seed: str = SEED) -> list[Document]:
    books = novels(corpus_path())
    chosen = [i for i in range(len(books)) if split_of(i) == split]
    pairs = confusions() if CONFUSIONS.is_file() else None
    out = []
    for j in range(count):
        rng = random.Random(f"{seed}/{split}/{j}")
        index = rng.choice(chosen)
        paragraphs = books[index]
        names = sorted(
            {w for p in paragraphs[:300] for w in p.split() if w.istitle() and len(w) > 4}
        )
        author = f"{rng.choice(('M.', 'Mme', 'J.', 'A.'))} {rng.choice(names or ['Durand'])}"
        words = [w.strip(',;:.!?«»—–-"') for w in rng.choice(paragraphs[:50]).split()]
        title = " ".join(w for w in words if w)[:30].rsplit(" ", 1)[0]
        title = title[:1].upper() + title[1:]
        name = f"{split}-{j:02d}-novel{index:02d}"
        out.append(typeset(name, paragraphs, title, author, rng, split, pairs))
    return out


def score_quotations(page: dict, number: int, reading, show: list[str] | None) -> Counter:
    c: Counter = Counter()
    found = [t for o, t in reading.quotes if reading.page_of(o) == number]
    for quote in page.get("quotations", []):
        c["q_expected"] += 1
        if any(same(quote, t) for t in found):
            c["q_found"] += 1
        elif show is not None:
            show.append(f"  {page['seq']} quotation not found: {quote!r}")
    return c


def score_document(doc: Document, variant: str, show: bool) -> Counter:
    import tempfile

    from teiforge.encode import EncodeOptions, encode
    from teiforge.readers import read_document

    text = doc.clean if variant == "clean" else doc.noisy
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{doc.name}.txt"
        path.write_text(text, encoding="utf-8")
        reading = read_tei(encode(read_document([path]), EncodeOptions(date="2026-01-01")))
    lines: list[str] | None = [] if show else None
    total: Counter = Counter()
    for number, page in enumerate(doc.structure["pages"], start=1):
        total["pages"] += 1
        total.update(score_page(page, number, reading, lines))
        total.update(score_quotations(page, number, reading, lines))
    if len(reading.pbs) != doc.structure["page_count"]:
        total["pb_mismatch"] += 1
    if show and lines:
        print(f"{doc.name} ({variant}; {doc.style.key()}):")
        print("\n".join(lines))
    return total


BREAKDOWN = {  # convention -> the figures shown for each of its values
    "call": ("notes_expected", "notes_found", "notes_anchored", "notes_numbered"),
    "numbering": ("notes_expected", "notes_found", "notes_anchored", "notes_numbered"),
    "notes_foot": ("notes_expected", "notes_found", "notes_anchored"),
    "heading": ("heads_expected", "heads_found", "heads_false"),
    "page_number": ("pn_expected", "pn_right", "pn_wrong", "pn_absent"),
    "running_head": ("rh_expected", "rh_fw", "rh_head", "rh_text"),
    "spacing": ("p_f1", "p_precision", "p_recall"),
    "quote": ("q_expected", "q_found"),
}


def breakdown(per_doc: list[tuple[Document, Counter]]) -> str:
    lines = []
    for convention, keys in BREAKDOWN.items():
        groups: dict[str, Counter] = defaultdict(Counter)
        for doc, c in per_doc:
            groups[doc.style.key()[convention]].update(c)
        lines.append(f"{convention}: " + " / ".join(keys))
        for value, c in sorted(groups.items()):
            f = with_rates({k: c[k] for k in ["pages", *FIGURES, "q_expected", "q_found"]})
            cells = " ".join(f"{f[k]:.3f}" if isinstance(f[k], float) else str(f[k]) for k in keys)
            lines.append(f"  {value:<22} ({c['docs']:>2} docs) {cells}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("tune", "heldout"), default="heldout")
    parser.add_argument("--variant", choices=("clean", "noisy", "both"), default="both")
    parser.add_argument("--documents", type=int, default=DOCUMENTS)
    parser.add_argument("--seed", default=SEED)
    parser.add_argument("--write", type=Path, help="write each document and its structure here")
    parser.add_argument("--json", action="store_true", help="machine-readable figures")
    parser.add_argument("--show", action="store_true", help="each miss and false find, by page")
    args = parser.parse_args()
    if not corpus_path().is_file():
        print(f"skipped: no corpus at {corpus_path()}", file=sys.stderr)
        return
    docs = documents(args.split, args.documents, args.seed)
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            (args.write / f"{doc.name}.clean.txt").write_text(doc.clean, encoding="utf-8")
            (args.write / f"{doc.name}.noisy.txt").write_text(doc.noisy, encoding="utf-8")
            data = json.dumps(doc.structure, ensure_ascii=False, indent=1)
            (args.write / f"{doc.name}.json").write_text(data + "\n", encoding="utf-8")
    variants = ("clean", "noisy") if args.variant == "both" else (args.variant,)
    results, details = {}, {}
    for variant in variants:
        per_doc = []
        for doc in docs:
            c = score_document(doc, variant, args.show)
            c["docs"] = 1
            per_doc.append((doc, c))
        total: Counter = Counter()
        for _, c in per_doc:
            total.update(c)
        keys = ["pages", *FIGURES, "q_expected", "q_found", "pb_mismatch", "docs"]
        results[variant] = with_rates({k: total[k] for k in keys})
        details[variant] = breakdown(per_doc)
    if args.json:
        print(json.dumps({"split": args.split, "seed": args.seed, "figures": results}, indent=1))
        return
    print(f"novels printed as pages, {args.split} split, {len(docs)} documents, seed {args.seed}")
    rows = [*ROWS, ("quotations expected", "q_expected"), ("  found", "q_found")]
    rows.append(("documents whose <pb/> count differs", "pb_mismatch"))
    print(table(results, rows))
    for variant in variants:
        print(f"\n{variant}, by convention:")
        print(details[variant])


if __name__ == "__main__":
    main()
