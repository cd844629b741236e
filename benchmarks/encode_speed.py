"""Encoding speed on one core, against the floor, in the same process.

    .venv/bin/python benchmarks/encode_speed.py [--runs 5]

The floor is the least any encoder must do with the same text: read and decode it,
tokenise it, look every token up in teiforge's French lexicon, build a TEI tree with one
<p> per paragraph and serialise it. teiforge's goal: at least 1 MB of OCR text per second
per core, within 5x of the floor.

Each run is a fresh process, as a build's worker is: it loads what teiforge loads once
(lexicon, names, OCR model) by encoding a short text of its own, then encodes every text
of the corpus once, and runs the floor over them; times are CPU seconds of that process
(one core's work, however busy the machine is). Corpora: the development set
(../shared/data/ocr-fr-dev, 715 texts) and the seed. Figures are medians of --runs runs;
the memory peak is the largest of the runs' processes.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker
from measure import SEED, dev_sources

from teiforge.annotate import ANNOTATORS, Context, annotate
from teiforge.annotate.words import french
from teiforge.encode import EncodeOptions, encode
from teiforge.layout import segment
from teiforge.read import read_source, source_from_bytes
from teiforge.tei.build import build_tei, serialize
from teiforge.tei.header import HeaderFacts

OPTIONS = EncodeOptions(date="2026-01-01")
CPU = time.process_time  # one core's work, however busy the machine is
TEI_NS = "http://www.tei-c.org/ns/1.0"
TEI = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})
_TOKEN = re.compile(r"\w+|[^\w\s]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WARM_UP = (
    "RAPPORT SUR LA PRÉVENTION\n\nI. Le contexte\n\nLe conseil municipal de Grenoble a "
    "voté le 3 mars 1998 un contrat local de sécurité1.\n\n1 Voir le rapport de M. Dupont.\n"
)
CORPORA = {"ocr-fr-dev": dev_sources, "seed": lambda: [SEED]}


def floor(path: Path) -> bytes:
    text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    forms = french().codes  # the lexicon's table of forms: one lookup per token
    known = sum(1 for token in _TOKEN.findall(text) if token.lower() in forms)
    paragraphs = [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    header = TEI.teiHeader(
        TEI.fileDesc(
            TEI.titleStmt(TEI.title(path.name)),
            TEI.publicationStmt(TEI.p(f"{known} known tokens")),
            TEI.sourceDesc(TEI.p("OCR text")),
        )
    )
    tei = TEI.TEI(header, TEI.text(TEI.body(*(TEI.p(p) for p in paragraphs))))
    return etree.tostring(tei, xml_declaration=True, encoding="UTF-8")


def stages(paths: list[Path]) -> dict[str, float]:
    """CPU seconds per stage of encode.encode over `paths`, once each; and, apart, what
    annotating takes without the OCR corrector (the annotators but "ocr")."""
    spent = dict.fromkeys(("read", "layout", "annotate", "tree", "serialise"), 0.0)
    without_ocr = [code for code in ANNOTATORS if code != "ocr"]
    aside = 0.0
    context = Context(language=OPTIONS.language)
    facts = HeaderFacts(version="bench", language=OPTIONS.language, date=OPTIONS.date)
    for path in paths:
        t0 = CPU()
        source = read_source(path)
        t1 = CPU()
        layout = segment(source)
        t2 = CPU()
        annotations = annotate(layout, context)
        t3 = CPU()
        tree = build_tei(layout, annotations, facts)
        t4 = CPU()
        serialize(tree)
        t5 = CPU()
        for stage, spent_here in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            spent[stage] += spent_here
        annotate(layout, context, without_ocr)
        aside += CPU() - t5
    return {**spent, "annotate without ocr": aside}


def child(corpus: str, floor_first: bool) -> None:
    """One run, in this fresh process: print its figures as JSON."""
    paths = CORPORA[corpus]()
    encode(source_from_bytes(WARM_UP.encode(), "warm-up.txt"), OPTIONS)
    timed = {}
    for name in ("floor", "encode") if floor_first else ("encode", "floor"):
        started = CPU()
        for path in paths:
            if name == "floor":
                floor(path)
            else:
                encode(read_source(path), OPTIONS)
        timed[name] = CPU() - started
    figures = {
        **timed,
        "bytes": sum(path.stat().st_size for path in paths),
        "pages": sum(len(segment(read_source(path)).pages) for path in paths),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(figures))


def run(corpus: str, floor_first: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", corpus]
    if floor_first:
        command.append("--floor-first")
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=sorted(CORPORA), help=argparse.SUPPRESS)
    parser.add_argument("--floor-first", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--stages", action="store_true", help="CPU seconds per stage too.")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.floor_first)
        return
    print(
        f"{'corpus':<12}{'MB':>6}{'pages':>7}{'encode s':>10}{'MB/s':>7}{'pages/s':>9}"
        f"{'floor s':>9}{'x floor':>9}{'peak MiB':>10}"
    )
    for corpus in CORPORA:
        runs = [run(corpus, floor_first=bool(i % 2)) for i in range(args.runs)]
        encode_s = statistics.median(r["encode"] for r in runs)
        floor_s = statistics.median(r["floor"] for r in runs)
        ratio = statistics.median(r["encode"] / r["floor"] for r in runs)
        megabytes, pages = runs[0]["bytes"] / 1e6, runs[0]["pages"]
        print(
            f"{corpus:<12}{megabytes:>6.2f}{pages:>7.0f}{encode_s:>10.2f}"
            f"{megabytes / encode_s:>7.2f}{pages / encode_s:>9.1f}{floor_s:>9.3f}"
            f"{ratio:>9.1f}{max(r['peak_mib'] for r in runs):>10.0f}"
        )
    if args.stages:
        french()
        spent = stages(dev_sources())
        aside = spent.pop("annotate without ocr")
        total = sum(spent.values())
        shares = ", ".join(f"{stage} {s:.2f} s ({s / total:.0%})" for stage, s in spent.items())
        print(f"ocr-fr-dev by stage (one run, CPU): {shares}")
        print(
            f"without the OCR corrector: {total - spent['annotate'] + aside:.2f} s "
            f"(annotate {aside:.2f} s)"
        )


if __name__ == "__main__":
    main()
