"""Every speed and memory benchmark in one run, for the README's performance table.

    .venv/bin/python benchmarks/summary.py [--runs 3]

Runs, one after the other: encode_speed.py (encoding on one core, against the floor),
validate_speed.py (validation against our schema and tei_all, with jing and xmllint; the
validation's own benchmark), html_speed.py (rendering) and build_scale.py (the corpus
build: jobs, incremental, Dask). Each prints its own table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("encode_speed.py", "validate_speed.py", "html_speed.py", "build_scale.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    failed = []
    for script in SCRIPTS:
        print(f"\n## {script}\n", flush=True)
        if not (HERE / script).is_file():
            print(f"(not found: {HERE / script})")
            continue
        command = [sys.executable, str(HERE / script), "--runs", str(args.runs)]
        done = subprocess.run(command, check=False)
        if done.returncode != 0:
            failed.append(script)
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
