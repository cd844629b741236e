"""How encode scales: time and peak memory for synthetic OCR books of growing size.

    python benchmarks/scale.py                 # 1, 2, 4 and 8 MB
    python benchmarks/scale.py --sizes 10      # the issue's 2,000-page text (about 10 MB)
    python benchmarks/scale.py --shape endless # paragraphs that never end a sentence
    python benchmarks/scale.py --shape one-page --sizes 0.05 0.1 0.2  # no page breaks

Each size is encoded in a fresh process, which reports the CPU time of `encode` (decoding
included; generating the text, and loading the lexicons once, not) and its own peak
resident memory. Time and
memory should grow linearly: the ratios printed beside each size against the previous one
should stay near the ratio of the sizes (2.0 for the default sizes). A 2,000-page text must
encode in under 4 GB.

The books are made up, deterministically (a fixed seed): pages of about 65 lines, with
printed page numbers, enumerated headings, paragraphs ending on short lines, words broken
at line ends, footnote zones with garbled labels and their anchors glued to words, quotations
with garbled guillemets, interview turns, names of places and bodies; pages end with a form
feed or a run of blank lines. `synthetic_book` is also what the test of linearity encodes.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

WORDS = [
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "en",
    "dans",
    "pour",
    "par",
    "sur",
    "avec",
    "que",
    "qui",
    "ne",
    "pas",
    "plus",
    "au",
    "aux",
    "ce",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "est",
    "sont",
    "été",
    "a",
    "ont",
    "entre",
    "comme",
    "mais",
    "aussi",
    "tout",
    "politique",
    "ville",
    "quartier",
    "quartiers",
    "conseil",
    "général",
    "municipal",
    "maire",
    "adjoint",
    "rapport",
    "prévention",
    "délinquance",
    "sécurité",
    "médiation",
    "partenariat",
    "dispositif",
    "dispositifs",
    "acteurs",
    "jeunes",
    "habitants",
    "familles",
    "écoles",
    "associations",
    "éducateurs",
    "police",
    "justice",
    "services",
    "coordination",
    "contrat",
    "contrats",
    "local",
    "locale",
    "locaux",
    "commune",
    "communes",
    "développement",
    "action",
    "actions",
    "projet",
    "projets",
    "moyens",
    "difficultés",
    "enjeu",
    "central",
    "constat",
    "mission",
    "œuvre",
    "État",
    "élèves",
    "aujourd'hui",
    "l'État",
    "qu'il",
    "d'abord",
    "notamment",
    "ainsi",
    "enfin",
    "déjà",
]
NAMES = ["Grenoble", "Lyon", "Paris", "la CAF", "le CNRS", "M. Dupont", "Mme Martin"]
GUILLEMETS = [("«", "»"), ("<", ">"), ("<<", ">>"), ("tc", "n"), ("((", "))")]
HEADINGS = ["I.", "II.", "III.", "A.", "B.", "C.", "1.", "2.", "3."]


def _sentence(rng: random.Random, note: int | None) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 30))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(NAMES))
    if rng.random() < 0.15:
        start = rng.randint(1, len(words) - 3)
        opening, closing = rng.choice(GUILLEMETS)
        words[start] = f"{opening} {words[start]}"
        words[start + 2] = f"{words[start + 2]} {closing}"
    if note is not None:
        words[-1] += str(note) if rng.random() < 0.7 else "l" + str(note)[-1:]  # glued anchor
    return " ".join(words) + "."


def _lines(text: str, rng: random.Random, width: int = 70) -> list[str]:
    """Cut a paragraph into lines of about `width`, breaking some words with a hyphen."""
    lines, current = [], ""
    for word in text.split():
        if len(current) + 1 + len(word) <= width:
            current = f"{current} {word}" if current else word
        elif len(word) > 7 and word.isalpha() and rng.random() < 0.3:
            cut = rng.randint(3, len(word) - 3)
            lines.append(f"{current} {word[:cut]}-")
            current = word[cut:]
        else:
            lines.append(current)
            current = word
    return lines + [current]


def synthetic_book(size: int, seed: int = 0) -> str:
    """An OCR-like French text of about `size` characters (pages of about 5 kB)."""
    rng = random.Random(seed)
    pages: list[str] = []
    total, page_number, note_number = 0, 1, 1
    while total < size:
        body: list[str] = []
        notes: list[str] = []
        if page_number % 5 == 1:
            body.append(f"{rng.choice(HEADINGS)} {rng.choice(WORDS).capitalize()} de la ville")
        while len(body) < 55:
            if rng.random() < 0.1:
                turn = _sentence(rng, None)
                body.append(f"{rng.choice(['R.T.', 'M.D.', 'Q'])} : {turn}")
                continue
            sentences = []
            for _ in range(rng.randint(2, 5)):
                note = None
                if rng.random() < 0.08 and len(notes) < 3:
                    note = note_number
                    notes.append(f"{note} Voir le rapport de {rng.randint(1980, 2010)}, p. {note}.")
                    note_number += 1
                sentences.append(_sentence(rng, note))
            body.extend(_lines(" ".join(sentences), rng))
        lines = [str(page_number)] + body
        if notes:
            lines += ["", *notes]
        page = "\n".join(lines) + "\n"
        pages.append(page)
        total += len(page)
        page_number += 1
    breaks = ["\f", "\n" * 8]
    return "".join(page + breaks[index % 2] for index, page in enumerate(pages))


def endless_book(size: int, seed: int = 0) -> str:
    """Paragraphs that run on from page to page: no sentence ever ends."""
    return synthetic_book(size, seed).replace(".", ",")


def one_page_book(size: int, seed: int = 0) -> str:
    """A text exported without page breaks (no form feed, no run of blank lines): one page."""
    return synthetic_book(size, seed).replace("\f", "\n").replace("\n" * 8, "\n")


def short_pages(size: int, seed: int = 0) -> str:
    """Thousands of pages of one line each (a register, a card index)."""
    return "".join(f"Page {number} du registre.\n\f" for number in range(size // 23))


def long_paragraph(size: int, seed: int = 0) -> str:
    """One page, one paragraph of thousands of lines: nothing ends a sentence."""
    return "le conseil de la ville et les quartiers\n" * (size // 40)


SHAPES = {
    "book": synthetic_book,
    "endless": endless_book,
    "one-page": one_page_book,
    "short-pages": short_pages,
    "long-paragraph": long_paragraph,
}

# Run in a fresh process: generate, then time encode alone and report the peak memory.
_CHILD = """
import json, resource, sys, time, logging
sys.path.insert(0, {here!r})
logging.disable(logging.WARNING)
from scale import SHAPES
from teiforge.encode import EncodeOptions, encode
from teiforge.read import source_from_bytes
encode(source_from_bytes(SHAPES[{shape!r}](1000).encode(), "warm-up.txt"))  # lexicons loaded
data = SHAPES[{shape!r}]({size}).encode("utf-8")
started = time.process_time()
source = source_from_bytes(data, "book.txt")
pages = source.text.count("\\f") + source.text.count("\\n" * 8) + 1
out = encode(source, EncodeOptions(date="2026-01-01"))
seconds = time.process_time() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(dict(bytes=len(data), pages=pages, seconds=seconds, peak=peak, out=len(out))))
"""


def measure(shape: str, size: int) -> dict[str, float]:
    code = _CHILD.format(here=str(Path(__file__).parent), shape=shape, size=size)
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8], help="in MB")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="book")
    args = parser.parse_args()
    baseline = measure(args.shape, 1000)
    print(f"shape {args.shape}; baseline process (a 1 kB text): {baseline['peak'] / 2**20:.0f} MB")
    print(f"{'input':>9} {'pages':>6} {'time':>8} {'peak RSS':>9} {'x time':>7} {'x memory':>9}")
    previous: dict[str, float] | None = None
    for megabytes in args.sizes:
        row = measure(args.shape, int(megabytes * 2**20))
        ratios = ""
        if previous is not None:
            time_ratio = row["seconds"] / previous["seconds"]
            memory_ratio = (row["peak"] - baseline["peak"]) / (previous["peak"] - baseline["peak"])
            ratios = f"{time_ratio:7.2f} {memory_ratio:9.2f}"
        print(
            f"{row['bytes'] / 2**20:7.1f}MB {row['pages']:6d} {row['seconds']:7.2f}s "
            f"{row['peak'] / 2**20:7.0f}MB {ratios}"
        )
        previous = row


if __name__ == "__main__":
    main()
