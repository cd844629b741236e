"""Where the character errors are, by class, before and after the corrector.

    python benchmarks/ocr_errors.py --split tune
    python benchmarks/ocr_errors.py --split tune --data ../shared/data/ocr-fr-hipe/train --show 20

The reading (the OCR's, and the corrected one) is aligned to the gold by tokens
(devdata.runs). Between the starts of two right tokens lies a segment: the right
token's core, then what follows it up to the next right token (punctuation, spaces, and
any stretch of wrong tokens). Each segment's character edits are charged to one class:

- `hyphen`: a right token whose core differs from the gold's only by a hyphen (a lost
  line end joined or kept), or punctuation that differs only by hyphens;
- `u/v i/j`: a right token whose core differs by the letters the gold modernises;
- `punctuation`: marks and spaces between right words (`word ,`, a lost full stop);
- `accent`: one wrong word whose letters differ only in accents (`a` for `à`);
- `case`: one wrong word that differs only in case (`le` for `Je` is `real word`);
- `real word`: one wrong word that is a word of the lexicon (`font` for `sont`);
- `unknown word`: one wrong word that no lexicon knows (`rnaison`);
- `split/glued`: wrong words whose letters, run together, are the gold's (`con voque`);
- `letters and spacing`: wrong words that differ in number and in letters;
- `extra text`: OCR words the gold lacks (page furniture, noise);
- `lost text`: gold words the OCR lacks.
The sum is an upper bound of the Levenshtein distance of the whole document (a segment
is aligned on its own). The classes follow the issue's: a share of the character edits.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import devdata
from rapidfuzz.distance import Levenshtein

CLASSES = (
    "hyphen",
    "u/v i/j",
    "punctuation",
    "accent",
    "case",
    "real word",
    "unknown word",
    "split/glued",
    "letters and spacing",
    "extra text",
    "lost text",
)


def bare(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def word_class(ocr: str, gold: str, is_word: Callable[[str], bool]) -> str:
    if bare(ocr) == bare(gold):
        return "accent"
    if ocr.lower() == gold.lower():
        return "case"
    if "".join(ch for ch in ocr if ch.isalnum()) == "".join(ch for ch in gold if ch.isalnum()):
        return "punctuation"
    return "real word" if is_word(ocr) else "unknown word"


def segments(
    reading: str, gold: str, is_word: Callable[[str], bool]
) -> list[tuple[str, int, str, str]]:
    """(class, edits, reading's text, gold's text) for each segment with edits."""
    found: list[tuple[str, int, str, str]] = []
    runs = devdata.runs(reading, gold)
    # right tokens as pairs, with the wrong stretch that follows each
    Anchor = tuple[
        devdata.Token | None, devdata.Token | None, list[devdata.Token], list[devdata.Token]
    ]
    anchors: list[Anchor] = [(None, None, [], [])]
    for run in runs:
        if run.tag == "equal":
            anchors += [(o, g, [], []) for o, g in zip(run.ocr, run.gold)]
        else:
            anchors[-1][2].extend(run.ocr)
            anchors[-1][3].extend(run.gold)
    for n, (o, g, wrong_o, wrong_g) in enumerate(anchors):
        o_from = o.end if o else 0
        g_from = g.end if g else 0
        nxt = anchors[n + 1] if n + 1 < len(anchors) else None
        o_to = nxt[0].start if nxt and nxt[0] else len(reading)
        g_to = nxt[1].start if nxt and nxt[1] else len(gold)
        if o is not None and g is not None and o.core != g.core:
            edits = Levenshtein.distance(o.core, g.core)
            plain = o.core.replace("-", "").replace(" ", "")
            kind = "hyphen" if plain == g.core.replace("-", "").replace(" ", "") else "u/v i/j"
            found.append((kind, edits, o.core, g.core))
        between_o, between_g = reading[o_from:o_to], gold[g_from:g_to]
        if between_o == between_g:
            continue
        total = Levenshtein.distance(between_o, between_g)
        words_o = [t.core for t in wrong_o]
        words_g = [t.core for t in wrong_g]
        if not words_o and not words_g:
            marks_o = between_o.replace("-", "")
            kind = "hyphen" if marks_o == between_g.replace("-", "") else "punctuation"
            found.append((kind, total, between_o, between_g))
            continue
        text_o, text_g = " ".join(words_o), " ".join(words_g)
        word_edits = Levenshtein.distance(text_o, text_g)
        if not words_g:
            kind = "extra text"
        elif not words_o:
            kind = "lost text"
        elif len(words_o) == len(words_g) == 1:
            kind = word_class(words_o[0], words_g[0], is_word)
        elif devdata.key("".join(words_o)) == devdata.key("".join(words_g)):
            kind = "split/glued"
        elif len(words_o) == len(words_g):
            # several words, each against its own: charged to the class of the most edits
            per: Counter[str] = Counter()
            for a, b in zip(words_o, words_g):
                if a != b:
                    per[word_class(a, b, is_word)] += Levenshtein.distance(a, b)
            kind = per.most_common(1)[0][0] if per else "punctuation"
        else:
            kind = "letters and spacing"
        found.append((kind, word_edits, text_o, text_g))
        if total > word_edits:
            found.append(("punctuation", total - word_edits, between_o, between_g))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=devdata.SPLITS, default="tune")
    parser.add_argument("--data", type=Path, default=devdata.DEV_DATA)
    parser.add_argument("--show", type=int, default=0, help="the commonest cases of each class")
    parser.add_argument("--without", action="append", default=[], metavar="CODE")
    args = parser.parse_args()
    if args.split == "heldout" and args.show:
        raise SystemExit("the held-out split is never read: --show only on tune")
    from teiforge.ocr import load_corrector
    from teiforge.ocr.corrector import Passage

    corrector = load_corrector()
    is_word = corrector.lexicon.is_word
    mass: dict[str, Counter[str]] = {"before": Counter(), "after": Counter()}
    cases: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    true_before = true_after = 0
    for pair in devdata.pairs(args.split, args.data):
        offsets = devdata.lines(pair.ocr)
        proposals = corrector.propose([Passage(line) for _, line in offsets])
        join = devdata.convention(pair) == "join"
        changes = [
            devdata.Change(offsets[p.passage][0] + p.start, offsets[p.passage][0] + p.end, p.corr)
            for p in proposals
            if p.proposer not in args.without and (p.proposer != "line-end" or join)
        ]
        after = devdata.apply(pair.ocr, changes)
        true_before += Levenshtein.distance(pair.ocr, pair.gold)
        true_after += Levenshtein.distance(after, pair.gold)
        for name, reading in (("before", pair.ocr), ("after", after)):
            for kind, edits, o, g in segments(reading, pair.gold, is_word):
                mass[name][kind] += edits
                if name == "after" and args.show:
                    cases[kind][(o[:40], g[:40])] += 1
    for name in ("before", "after"):
        total = sum(mass[name].values())
        true = true_before if name == "before" else true_after
        print(f"{name}: {total:,} edits by segment ({true:,} by document)")
        for kind in CLASSES:
            print(f"  {kind:20} {mass[name][kind]:7,} {mass[name][kind] / max(1, total):6.1%}")
    for kind in CLASSES:
        if args.show and cases[kind]:
            print(f"\n{kind}:")
            for (o, g), count in cases[kind].most_common(args.show):
                print(f"  {count:4} {o!r} -> {g!r}")


if __name__ == "__main__":
    main()
