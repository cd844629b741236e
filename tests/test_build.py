"""`teiforge build` on a small corpus, and the committed editions of seeds/ kept current."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import CASES, REPO
from teiforge.config import find_config
from teiforge.corpus import options_from, works_of
from teiforge.encode import encode
from teiforge.read import read_source
from test_cli_encode import teiforge


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "ocr").mkdir()
    for name in ("double_spaced_pages", "heading_levels"):
        shutil.copy(CASES / name / "input.txt", tmp_path / "ocr" / f"{name}.txt")
    (tmp_path / "teiforge.toml").write_text(
        'sources = ["ocr/*.txt"]\ntei_dir = "editions"\nsite_dir = "public"\ndate = "2026-03-04"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_build_encodes_validates_renders(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    result = teiforge("build", cwd=root)
    assert result.stderr == ""
    assert result.returncode == 0
    assert result.stdout.splitlines()[:2] == [
        f"encoded 2 sources into {root / 'editions'} (2 changed)",
        "validated 2 editions: all valid",
    ]
    assert sorted(p.name for p in (root / "editions").iterdir()) == [
        "double_spaced_pages.xml",
        "heading_levels.xml",
    ]
    assert (root / "public" / "double_spaced_pages.html").is_file()
    assert (root / "public" / "index.html").is_file()
    edition = (root / "editions" / "heading_levels.xml").read_text(encoding="utf-8")
    assert (
        '<change who="#teiforge" when="2026-03-04">encoded from OCR by teiforge</change>' in edition
    )


def test_second_build_changes_nothing(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    teiforge("build", cwd=root)
    before = {p: p.stat().st_mtime_ns for p in (root / "editions").iterdir()}
    result = teiforge("build", cwd=root)
    assert (
        result.stdout.splitlines()[0] == f"encoded 2 sources into {root / 'editions'} (0 changed)"
    )
    assert {p: p.stat().st_mtime_ns for p in (root / "editions").iterdir()} == before


def test_no_sources(tmp_path: Path) -> None:
    (tmp_path / "teiforge.toml").write_text('sources = ["ocr/*.txt"]\n', encoding="utf-8")
    result = teiforge("build", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        f"teiforge: error: {tmp_path}: no source file matches ocr/*.txt\n",
    )


def test_each_source_gets_its_configured_work(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    with (root / "teiforge.toml").open("a", encoding="utf-8") as config:
        config.write(
            '[works."ocr/heading_levels.txt"]\ntitle = "Le cadre"\nauthor = "Dupont, M."\n'
        )
    result = teiforge("build", "-q", cwd=root)
    assert (result.returncode, result.stderr) == (0, "")
    titled = (root / "editions" / "heading_levels.xml").read_text(encoding="utf-8")
    assert "<title>Le cadre</title>\n        <author>Dupont, M.</author>\n" in titled
    assert '<bibl><author>Dupont, M.</author> <title level="m">Le cadre</title></bibl>' in titled
    other = (root / "editions" / "double_spaced_pages.xml").read_text(encoding="utf-8")
    assert "<title>A. Une coordination difficile à mettre en œuvre</title>\n" in other
    assert "<author>" not in other
    page = (root / "public" / "heading_levels.html").read_text(encoding="utf-8")
    assert "<title>Le cadre — Dupont, M.</title>" in page


def test_a_works_entry_that_matches_no_source(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    with (root / "teiforge.toml").open("a", encoding="utf-8") as config:
        config.write('[works."ocr/heading-levels.txt"]\ntitle = "Le cadre"\n')
    result = teiforge("build", "-q", cwd=root)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        (
            f"teiforge: error: {root / 'ocr/heading-levels.txt'}: a [works] entry that matches no "
            "source file\n"
        ),
    )


def test_committed_editions_are_current() -> None:
    """tei/ holds what `teiforge build` writes for seeds/: rebuild and commit when this fails."""
    config = find_config(REPO)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    assert seeds, "seeds/ is empty"
    works = works_of(config, seeds)
    for seed in seeds:
        edition = REPO / config.tei_dir / f"{seed.stem}.xml"
        options = options_from(config, work=works.get(seed))
        assert edition.read_bytes() == encode(read_source(seed), options), (
            f"{edition} is out of date"
        )
