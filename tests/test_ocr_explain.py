"""`teiforge explain FILE WORD`: why each occurrence was or was not corrected."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from teiforge.encode import EncodeOptions
from teiforge.explain import explain

TEXT = (
    "Les postes de médiotion ou de médiation sociole dans les rnaisons du quartier.\n"
    "Ils font venus hier. La médiation est là.\n"
)


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "t.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_each_occurrence_with_its_reason(tmp_path: Path) -> None:
    path = _source(tmp_path)
    assert explain(path, "médiotion") == [
        f"{path}:1:15 médiotion: corrected to médiation (cert high; model: confidence 0.95)"
    ]
    assert explain(path, "médiation") == [
        f"{path}:1:31 médiation: left alone: guard known",
        f"{path}:2:25 médiation: left alone: guard known",
    ]
    # a real word for another, in a noisy document (3 words in 22 garbled): the trigram
    # model's proposer (lm)
    why = "lm: sont 7,482 times likelier in context"
    assert explain(path, "font") == [f"{path}:2:5 font: corrected to sont (cert medium; {why})"]
    assert explain(path, "Paris") == []
    assert explain(path, "médiotion", EncodeOptions(language="en")) == [
        f"{path}:1:15 médiotion: not examined: the document's language is en, not French"
    ]


def test_the_command(tmp_path: Path) -> None:
    path = _source(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "teiforge", "explain", str(path), "sociole"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert (
        done.stdout
        == f"{path}:1:41 sociole: corrected to sociale (cert medium; model: confidence 0.89)\n"
    )
    missing = subprocess.run(
        [sys.executable, "-m", "teiforge", "explain", str(tmp_path / "no.txt"), "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == f"teiforge: error: {tmp_path / 'no.txt'}: no such file\n"
