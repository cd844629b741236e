"""How fast `teiforge validate` is, against jing, on >= 2,000 real-size TEI files.

    python benchmarks/validate_speed.py [--corpus DIR] [--runs 3]

Without --corpus, benchmarks/validate_corpus.py writes 2,145 encodings of the development
OCR texts into a temporary folder (removed at the end). Each figure is the wall-clock time
of the whole command (start-up included), the median of --runs runs, measured in one
session one after the other:

- jing (Debian package; for the comparison only) against tei_all.rng: one JVM, every file;
- teiforge against tei_all.rng, cold (--no-cache), with its default --jobs and with one;
- teiforge against tei_all.rng, warm: the same command again with its cache filled, after
  one file changed, and the same call from Python (without the command line's start-up);
- teiforge against its own schema (the default), cold and warm, in files per second;
- teiforge against tei_all.xsd (libxml2), cold, and `teiforge --version` (start-up alone).

Every run must agree that every file is valid (the summary line is checked), or the
benchmark stops. Goals (issue 5): cold tei_all <= 1.0x jing; warm <= 0.1x jing; our
schema >= 2,000 files/s.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_corpus import ROOT, generate

TEI_P5 = Path(os.environ.get("TEIFORGE_TEI_P5") or ROOT.parent / "shared" / "tei-p5")
# Python as installed: modules are imported from their compiled bytecode (a sandbox that
# sets PYTHONDONTWRITEBYTECODE would compile every module of teiforge at each start).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
SUMMARY = re.compile(r"^(\d+) files? checked, (\d+) invalid", re.MULTILINE)


def teiforge_command() -> list[str]:
    script = Path(sys.executable).with_name("teiforge")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "teiforge"]


def timed(command: list[str], runs: int, expect: int | None, before: object = None) -> float:
    """Median wall-clock seconds of `runs` runs; `expect`: files the summary must count
    valid (None: the output is not teiforge's)."""
    times = []
    for _ in range(runs):
        if callable(before):
            before()
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
        times.append(time.perf_counter() - started)
        if expect is not None:
            found = SUMMARY.search(result.stdout)
            if found is None or (int(found[1]), int(found[2])) != (expect, 0):
                raise SystemExit(
                    f"{' '.join(command[:6])}...: {result.stdout[-500:]}{result.stderr}"
                )
        elif result.returncode != 0:
            raise SystemExit(f"{command[0]} failed: {result.stdout[-500:]}{result.stderr[-500:]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of TEI files (default: generated)")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="teiforge-bench-"))
    try:
        corpus = arguments.corpus or scratch / "corpus"
        if arguments.corpus is None:
            generate(corpus)
        run(corpus, scratch, arguments.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(corpus: Path, scratch: Path, runs: int) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.xml"))
    size = sum(Path(f).stat().st_size for f in files)
    rng, xsd = TEI_P5 / "tei_all.rng", TEI_P5 / "tei_all.xsd"
    teiforge = [*teiforge_command(), "validate"]
    cache = scratch / "cache"
    n = len(files)
    print(
        f"{n} files, {size / 1e6:.1f} MB, median of {runs} runs; {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, lxml {etree.__version__} "
        f"(libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))})\n"
    )
    rows: list[tuple[str, str, float]] = []
    timed([*teiforge_command(), "--version"], 1, None)  # bytecode written, caches warm
    jing = shutil.which("jing")
    if jing:
        rows.append(
            (
                "jing, tei_all.rng",
                "jing tei_all.rng FILES",
                timed([jing, str(rng), *files], runs, None),
            )
        )

    def drop_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def measure(label: str, shown: str, args: list[str], warm: bool = False) -> None:
        command = [*teiforge, *args, str(corpus)]
        if warm:
            drop_cache()
            timed(command, 1, n)  # fills the cache
        rows.append((label, shown, timed(command, runs, n, None if warm else drop_cache)))

    cached = ["--cache-dir", str(cache)]
    measure(
        "teiforge, tei_all.rng, cold",
        "teiforge validate --no-cache --schema tei_all.rng DIR",
        ["--no-cache", "--schema", str(rng)],
    )
    measure(
        "teiforge, tei_all.rng, cold, -j 1",
        "... -j 1",
        ["--no-cache", "-j", "1", "--schema", str(rng)],
    )
    measure(
        "teiforge, tei_all.rng, warm",
        "teiforge validate --schema tei_all.rng DIR (again)",
        [*cached, "--schema", str(rng)],
        warm=True,
    )
    edited = Path(files[0])
    original = edited.read_bytes()

    def edit() -> None:
        edited.write_bytes(original.replace(b"</TEI>", f"<!-- {time.time_ns()} --></TEI>".encode()))

    rows.append(
        (
            "teiforge, tei_all.rng, warm, 1 file changed",
            "... after an edit",
            timed([*teiforge, *cached, "--schema", str(rng), str(corpus)], runs, n, edit),
        )
    )
    edited.write_bytes(original)
    api = (
        "import sys; from pathlib import Path; from teiforge.validate import validate_paths; "
        "r = validate_paths([Path(sys.argv[1])], [Path(sys.argv[2])], jobs=0, "
        "cache_dir=Path(sys.argv[3])); print(f'{len(r.files)} files checked, "
        "{len(r.invalid_files)} invalid')"
    )
    rows.append(
        (
            "the same from Python (no CLI start-up)",
            "validate_paths([DIR], [tei_all.rng], jobs=0, cache_dir=...)",
            timed([sys.executable, "-c", api, str(corpus), str(rng), str(cache)], runs, n),
        )
    )
    measure("teiforge, own schema, cold", "teiforge validate --no-cache DIR", ["--no-cache"])
    measure("teiforge, own schema, cold, -j 1", "... -j 1", ["--no-cache", "-j", "1"])
    measure("teiforge, own schema, warm", "teiforge validate DIR (again)", cached, warm=True)
    measure(
        "teiforge, tei_all.xsd, cold",
        "teiforge validate --no-cache --schema tei_all.xsd DIR",
        ["--no-cache", "--schema", str(xsd)],
    )
    rows.append(
        (
            "teiforge --version (start-up)",
            "teiforge --version",
            timed([*teiforge_command(), "--version"], runs, None),
        )
    )
    reference = rows[0][2] if jing else None
    print("| run | command | seconds | files/s | vs jing |")
    print("| --- | --- | ---: | ---: | ---: |")
    for label, shown, seconds in rows:
        ratio = f"{seconds / reference:.2f}x" if reference else "n/a"
        rate = f"{n / seconds:,.0f}" if "version" not in label else ""
        print(f"| {label} | `{shown}` | {seconds:.2f} | {rate} | {ratio} |")


if __name__ == "__main__":
    main()
