"""A corpus of real-size TEI files for benchmarks/validate_speed.py: teiforge's encodings of
the development OCR texts (../shared/data/ocr-fr-dev/*.ocr.txt, 715 files) in three
variants each, 2,145 files: as `teiforge encode` writes them; with another language and
date in the header; and each text followed, after a page break, by the next one (longer
documents). Written into a folder the caller gives (a temporary one): neither the texts nor
their encodings are ever committed.

    python benchmarks/validate_corpus.py OUT_DIR [--limit N]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from teiforge.encode import EncodeOptions, encode
from teiforge.errors import InputError
from teiforge.read import source_from_bytes

ROOT = Path(__file__).resolve().parents[1]
DEV_DATA = Path(
    os.environ.get("TEIFORGE_OCR_DEV") or ROOT.parent / "shared" / "data" / "ocr-fr-dev"
)

VARIANTS = {
    "plain": EncodeOptions(),
    "header": EncodeOptions(language="en", date="2024-01-01", publisher="Benchmark press"),
}


def generate(out_dir: Path, limit: int | None = None) -> list[Path]:
    """Write the corpus into `out_dir` (one subfolder per variant); return its files."""
    texts = sorted(DEV_DATA.glob("*.ocr.txt"))[:limit]
    if not texts:
        raise SystemExit(f"no *.ocr.txt in {DEV_DATA} (set TEIFORGE_OCR_DEV)")
    written: list[Path] = []
    for index, text in enumerate(texts):
        data = text.read_bytes()
        following = texts[(index + 1) % len(texts)].read_bytes()
        stem = text.name.removesuffix(".ocr.txt")
        jobs = [(name, data, options) for name, options in VARIANTS.items()]
        jobs.append(("joined", data + b"\n\f\n" + following, EncodeOptions()))
        for variant, content, options in jobs:
            try:
                tei = encode(source_from_bytes(content, f"{stem}.txt"), options)
            except InputError as error:
                print(f"skipped {text} ({variant}): {error}", file=sys.stderr)
                continue
            target = out_dir / variant / f"{stem}.xml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(tei)
            written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N texts")
    arguments = parser.parse_args()
    files = generate(arguments.out_dir, arguments.limit)
    print(f"{len(files)} TEI files in {arguments.out_dir}")


if __name__ == "__main__":
    main()
