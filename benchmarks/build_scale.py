"""`teiforge build` on the 715 texts of the development set: one process against two, cold
against warm (incremental), and on a local Dask cluster, in the same run.

    .venv/bin/python benchmarks/build_scale.py [--runs 3] [--no-dask]

A temporary corpus folder (outside the repository) gets a link to each text and a
teiforge.toml. Each run times, in turn: a cold build with --jobs 1 (no tei/, site/ or
cache), the warm build after it (nothing changed), the build after one text changed (the
text of median size), a cold build with --jobs 2 and the warm one after it, and a cold
build on a local Dask cluster of two worker processes (started before the build, not
timed, and new for each run); and, for its time and memory, `teiforge validate` of the
editions (one process, no cache). Every build is a child process, timed from its
start to its exit; the peak memory is that of the largest of its processes (for Dask,
of the build's own process: the workers are the cluster's). The issue's
goals: --jobs 2 at least 1.7x faster than --jobs 1, a warm build at most 0.1x of the
cold one, and the same bytes from every build.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from measure import dev_sources, run_measured, teiforge_command

CONFIG = 'sources = ["ocr/*.txt"]\ndate = "2026-01-01"\n'
OUTPUTS = ("tei", "site")
VALIDATE = "validate the editions, no cache"


def make_corpus(folder: Path) -> None:
    (folder / "ocr").mkdir()
    for path in dev_sources():
        (folder / "ocr" / path.name.replace(".ocr.txt", ".txt")).symlink_to(path)
    (folder / "teiforge.toml").write_text(CONFIG, encoding="utf-8")


def clean(folder: Path) -> None:
    for name in (*OUTPUTS, ".teiforge-cache"):
        shutil.rmtree(folder / name, ignore_errors=True)


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for name in OUTPUTS
        for path in sorted((folder / name).rglob("*"))
        if path.is_file()
    }


def change_one(folder: Path) -> Callable[[], None]:
    """Replace the link to the text of median size by a changed copy; return how to undo it."""
    links = sorted((folder / "ocr").iterdir(), key=lambda link: (link.stat().st_size, link.name))
    link = links[len(links) // 2]
    target = link.resolve()
    link.unlink()
    link.write_text(target.read_text(encoding="utf-8") + "\n\nUne phrase ajoutée.\n", "utf-8")

    def undo() -> None:
        link.unlink()
        link.symlink_to(target)

    return undo


@contextmanager
def _cluster() -> Iterator[str]:
    """A local Dask cluster of two worker processes, new for each build (its workers keep
    what they loaded and cached: a second build on them would not be a cold one)."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-dask", action="store_true", help="Leave the Dask build out.")
    args = parser.parse_args()
    build = [*teiforge_command(), "build", "--quiet"]
    validate = [*teiforge_command(), "validate", "--no-cache", "--jobs", "1"]
    times: dict[str, list[float]] = {}
    peaks: dict[str, list[float]] = {}
    identical: dict[str, bool] = {}
    load = os.getloadavg()[0]

    def timed(label: str, folder: Path, *options: str) -> None:
        seconds, mib = run_measured([*build, *options], cwd=folder)
        times.setdefault(label, []).append(seconds)
        peaks.setdefault(label, []).append(mib)

    with tempfile.TemporaryDirectory(prefix="teiforge-build-scale-") as scratch:
        folder = Path(scratch)
        make_corpus(folder)
        reference: dict[str, str] = {}
        for _ in range(args.runs):
            clean(folder)
            timed("cold, --jobs 1", folder, "--jobs", "1")
            reference = reference or digests(folder)
            seconds, mib = run_measured([*validate, "tei"], cwd=folder)
            times.setdefault(VALIDATE, []).append(seconds)
            peaks.setdefault(VALIDATE, []).append(mib)
            identical["--jobs 1"] = identical.get("--jobs 1", True) and digests(folder) == reference
            timed("warm, --jobs 1 (nothing changed)", folder, "--jobs", "1")
            undo = change_one(folder)
            timed("warm, --jobs 1 (1 text changed)", folder, "--jobs", "1")
            undo()
            clean(folder)
            timed("cold, --jobs 2", folder, "--jobs", "2")
            identical["--jobs 2"] = identical.get("--jobs 2", True) and digests(folder) == reference
            timed("warm, --jobs 2 (nothing changed)", folder, "--jobs", "2")
            if not args.no_dask:
                clean(folder)
                with _cluster() as address:
                    timed(
                        "cold, Dask, 2 workers",
                        folder,
                        "--executor",
                        "dask",
                        "--scheduler",
                        address,
                    )
                identical["Dask"] = identical.get("Dask", True) and digests(folder) == reference
    cold = statistics.median(times["cold, --jobs 1"])
    print(
        f"715 texts, {sum(p.stat().st_size for p in dev_sources()) / 1e6:.2f} MB; "
        f"{os.cpu_count()} cores; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after; "
        f"median of {args.runs} runs"
    )
    print(f"{'build':<36}{'median s':>9}{'min s':>8}{'max s':>8}{'x cold -j1':>11}{'peak MiB':>10}")
    for label, found in times.items():
        median = statistics.median(found)
        print(
            f"{label:<36}{median:>9.2f}{min(found):>8.2f}{max(found):>8.2f}"
            f"{median / cold:>11.3f}{max(peaks[label]):>10.0f}"
        )
    speedup = cold / statistics.median(times["cold, --jobs 2"])
    warm = statistics.median(times["warm, --jobs 1 (nothing changed)"]) / cold
    print(f"--jobs 2 is {speedup:.2f}x faster than --jobs 1 (goal: >= 1.7)")
    print(f"a warm build takes {warm:.3f}x of a cold one (goal: <= 0.1)")
    for label, same in identical.items():
        print(
            f"{label}: {'the same bytes as' if same else 'DIFFERENT bytes from'} the first cold build"
        )


if __name__ == "__main__":
    main()
