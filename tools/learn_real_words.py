"""Learn which real words OCR prints for which (`le` for `Je`, `font` for `sont`, `a` for
`à`): src/teiforge/data/ocr/real_words.tsv.

    python tools/learn_real_words.py [--data ocr-fr-dev] [--data ocr-fr-hipe/train]

Reads the tuning split (benchmarks/devdata.py: documents whose number is not 3 modulo 4)
of each folder, never a held-out document. In the aligned OCR and gold, a word of the
lexicon replaced one for one by another word of the lexicon is a real-word confusion;
its row gives how often the printed word stood for the other, and how often it was right:
`printed<TAB>intended<TAB>confused<TAB>right`, for confusions seen `MIN_SEEN` times or
more. The corrector's prior odds of a confusion are confused / right
(ocr/realwords.py); the word trigram model decides in context.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

import devdata

from teiforge.ocr.lexicon import Lexicon

OUTPUT = ROOT / "src" / "teiforge" / "data" / "ocr" / "real_words.tsv"
MIN_SEEN = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, action="append")
    args = parser.parse_args()
    folders = args.data or [devdata.DEV_DATA]
    lexicon = Lexicon.load()
    confused: Counter[tuple[str, str]] = Counter()
    right: Counter[str] = Counter()
    documents = 0
    for folder in folders:
        for pair in devdata.pairs("tune", folder):
            documents += 1
            for run in devdata.runs(pair.ocr, pair.gold):
                if run.tag == "equal":
                    right.update(t.core for t in run.ocr)
                elif run.tag == "replace" and len(run.ocr) == len(run.gold) == 1:
                    printed, intended = run.ocr[0].core, run.gold[0].core
                    if (
                        " " not in intended
                        and "-" not in printed + intended
                        and lexicon.is_word(printed)
                        and lexicon.is_word(intended)
                    ):
                        confused[printed, intended] += 1
    rows = sorted(
        ((p, i, n, right[p]) for (p, i), n in confused.items() if n >= MIN_SEEN),
        key=lambda row: (-row[2], row[0], row[1]),
    )
    with OUTPUT.open("w", encoding="utf-8") as out:
        out.write("# printed\tintended\tconfused\tright: learned by tools/learn_real_words.py\n")
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")
    print(f"{OUTPUT}: {len(rows)} confusions from {documents} tuning documents", file=sys.stderr)


if __name__ == "__main__":
    main()
