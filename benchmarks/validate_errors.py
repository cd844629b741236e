"""How fast `teiforge validate` is where errors are found, against jing, on a large file.

    python benchmarks/validate_errors.py [--runs 3] [--paragraphs 4300] [--errors 5]

Writes one large TEI novel (about 1.7 MB with the defaults: chapters of paragraphs with
names, corrections, notes and page breaks, as encoded editions have) into a temporary
folder, with `--errors` errors injected (an unknown element, an undeclared attribute, a
value outside its list, a misplaced element, a missing required child, in turn), and the
same file without them. Then times, in the same session, one after the other, the whole
command (start-up included), median of --runs:

- jing (Debian package `jing`; only for the comparison: skipped when it is not installed)
  against tei_all.rng, on the invalid and on the valid file;
- teiforge validate --no-cache --schema tei_all.rng, on each.

Prints the seconds and, when jing ran, teiforge's time as a ratio of jing's (the issue's
goal: within 1.5x on the invalid file). The verdicts must agree (both invalid, both
valid), or the benchmark stops.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEI_P5 = Path(os.environ.get("TEIFORGE_TEI_P5") or ROOT.parent / "shared" / "tei-p5")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fr">
<teiHeader><fileDesc><titleStmt><title>Un long roman</title></titleStmt>
<publicationStmt><p>Benchmark.</p></publicationStmt><sourceDesc><p>Generated.</p></sourceDesc>
</fileDesc></teiHeader>
<text><body>
"""
FOOTER = "</body></text></TEI>\n"
PARAGRAPH = (
    '<p>Le {n}e jour, <persName ref="#p{m}">Marie Durand</persName> écrivit à son frère une '
    'lettre <choice><sic>tres</sic><corr resp="#ed">très</corr></choice> longue, où elle '
    "racontait la vie du quartier, les travaux de la rue et les nouvelles de la famille"
    '<note place="foot" n="{n}">Voir la lettre suivante.</note>; elle ajouta un mot pour '
    '<hi rend="italic">sa mère</hi>, qui lisait mal.</p>\n'
)
# (what replaces the n-th paragraph's "<hi rend=\"italic\">sa mère</hi>") per error kind
ERRORS = [
    "<foo>sa mère</foo>",  # unknown element
    '<hi colour="red">sa mère</hi>',  # undeclared attribute
    '<hi rend="italic" cert="maybe">sa mère</hi>',  # value outside its list? (cert on hi: not allowed)
    "<hi>sa mère<body/></hi>",  # misplaced element
    "<hi>sa mère</hi><choice/>",  # a choice with nothing
]


def novel(paragraphs: int, errors: int) -> str:
    chunks = [HEADER]
    every = max(1, paragraphs // (errors + 1))
    injected = 0
    for n in range(1, paragraphs + 1):
        if n % 40 == 1:
            chunks.append(
                f'<div type="chapter" n="{n // 40 + 1}"><head>Chapitre {n // 40 + 1}</head>\n'
            )
        text = PARAGRAPH.format(n=n, m=n % 50)
        if injected < errors and n % every == 0:
            text = text.replace('<hi rend="italic">sa mère</hi>', ERRORS[injected % len(ERRORS)])
            injected += 1
        if n % 12 == 0:
            chunks.append(f'<pb n="{n // 12}"/>\n')
        chunks.append(text)
        if n % 40 == 0 or n == paragraphs:
            chunks.append("</div>\n")
    people = "".join(f'<person xml:id="p{m}"><persName>P{m}</persName></person>' for m in range(50))
    chunks.append(f'<div type="annexe"><listPerson>{people}</listPerson>')
    chunks.append('<p><name xml:id="ed">Éditeur</name></p></div>\n')
    chunks.append(FOOTER)
    return "".join(chunks)


def timed(command: list[str], runs: int, cwd: Path) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        code = result.returncode
    return statistics.median(times), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paragraphs", type=int, default=4300)
    parser.add_argument("--errors", type=int, default=5)
    args = parser.parse_args()
    schema = TEI_P5 / "tei_all.rng"
    jing = shutil.which("jing")
    script = Path(sys.executable).with_name("teiforge")
    teiforge = [str(script)] if script.is_file() else [sys.executable, "-m", "teiforge"]
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        (where / "invalid.xml").write_text(novel(args.paragraphs, args.errors), encoding="utf-8")
        (where / "valid.xml").write_text(novel(args.paragraphs, 0), encoding="utf-8")
        size = (where / "invalid.xml").stat().st_size / 1e6
        print(f"{size:.2f} MB, {args.paragraphs} paragraphs, {args.errors} errors injected")
        print(f"{'file':<8} {'jing s':>8} {'teiforge s':>11} {'vs jing':>8}")
        for name in ("invalid", "valid"):
            ours, code = timed(
                [*teiforge, "validate", "--no-cache", "--schema", str(schema), f"{name}.xml"],
                args.runs,
                where,
            )
            if code != (1 if name == "invalid" else 0):
                sys.exit(f"teiforge says exit {code} for {name}.xml")
            if jing:
                theirs, jing_code = timed([jing, str(schema), f"{name}.xml"], args.runs, where)
                if (jing_code != 0) != (code != 0):
                    sys.exit(
                        f"jing (exit {jing_code}) and teiforge (exit {code}) disagree on {name}"
                    )
                print(f"{name:<8} {theirs:>8.2f} {ours:>11.2f} {ours / theirs:>7.2f}x")
            else:
                print(f"{name:<8} {'-':>8} {ours:>11.2f} {'(no jing)':>8}")


if __name__ == "__main__":
    main()
