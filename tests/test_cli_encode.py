"""`teiforge encode` as a user runs it: its outputs. Bad input (one line, exit 2, nothing
left behind) is the matrix of test_bad_input.py."""

from __future__ import annotations

from pathlib import Path

from support import CASES, teiforge

SAMPLE = CASES / "double_spaced_pages" / "input.txt"


def test_one_input_to_stdout_matches_the_library() -> None:
    from teiforge.encode import EncodeOptions, encode
    from teiforge.read import read_source

    result = teiforge("encode", SAMPLE)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.encode() == encode(read_source(SAMPLE), EncodeOptions(date="2026-01-01"))


def test_out_dir_writes_one_file_per_input(tmp_path: Path) -> None:
    inputs = [CASES / "missing_pages" / "input.txt", CASES / "heading_levels" / "input.txt"]
    copies = []
    for index, path in enumerate(inputs):
        copy = tmp_path / f"doc{index}.txt"
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    out = tmp_path / "out"
    out.mkdir()
    result = teiforge("encode", *copies, "--out-dir", out)
    assert (result.returncode, result.stderr) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["doc0.xml", "doc1.xml"]


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "edition.xml"
    result = teiforge("encode", SAMPLE, "-o", target)
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "")
    assert target.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI ")


def _bibls(stdout: str) -> list[str]:
    from lxml import etree

    tei = etree.fromstring(stdout.encode())
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    found = [tei.findtext(".//t:titleStmt/t:title", namespaces=ns)]
    found += [t.text for t in tei.iterfind(".//t:titleStmt/t:author", ns)]
    return found + ["".join(b.itertext()) for b in tei.iterfind(".//t:sourceDesc/t:bibl", ns)]


def test_options_describe_the_printed_work(tmp_path: Path) -> None:
    source = tmp_path / "germinal.txt"
    source.write_text("Un paragraphe de texte.\n", encoding="utf-8")
    result = teiforge(
        "encode", source, "--title", "Germinal", "--author", "Zola, Émile", "--author", "Autre, A.",
        "--work-date", "1885", "--work-publisher", "G. Charpentier", "--pub-place", "Paris",
        "--edition", "2e éd.", "--idno", "ark:ark:/12148/cb1", "--idno", "isbn:978-2-07",
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert _bibls(result.stdout)[:4] == [
        "Germinal",
        "Zola, Émile",
        "Autre, A.",
        (
            "Zola, Émile; Autre, A. Germinal. 2e éd. Paris: G. Charpentier, 1885. "
            "ark:/12148/cb1, 978-2-07"
        ),
    ]


def test_options_override_the_configured_work_field_by_field(tmp_path: Path) -> None:
    (tmp_path / "ocr").mkdir()
    source = tmp_path / "ocr" / "germinal.txt"
    source.write_text("Un paragraphe de texte.\n", encoding="utf-8")
    config = tmp_path / "teiforge.toml"
    config.write_text(
        '[works."ocr/*.txt"]\ntitle = "Germinal"\nauthor = "Zola, Émile"\ndate = "1885"\n',
        encoding="utf-8",
    )
    result = teiforge("encode", source, "--config", config, "--work-date", "1886")
    assert (result.returncode, result.stderr) == (0, "")
    assert _bibls(result.stdout)[:3] == ["Germinal", "Zola, Émile", "Zola, Émile. Germinal. 1886"]


def test_a_bad_work_option_is_one_line_and_exit_2() -> None:
    result = teiforge("encode", SAMPLE, "--idno", "ark")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "teiforge: error: --idno: must be TYPE:VALUE such as ark:ark:/12148/cb1, not 'ark'\n",
    )
