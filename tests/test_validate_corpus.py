"""Pointers across a corpus (TF101): `file.xml#id` against that file, bare `#id` through an
XInclude driver's assembly, and the configuration's shared_ids (lent_ids.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiforge.validate import validate_paths
from teiforge.validate.assembly import assemble
from teiforge.validate.document import Document, load

TEI = "http://www.tei-c.org/ns/1.0"
HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p>"
    "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
)


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    (tmp_path / "driver.xml").write_text(
        f'<TEI xmlns="{TEI}" xmlns:xi="http://www.w3.org/2001/XInclude">{HEADER}\n'
        '<text><body><xi:include href="part1.xml"/><xi:include href="part2.xml"/>\n'
        '<p>See <ref target="#d1">part one</ref>.</p></body></text></TEI>\n'
    )
    (tmp_path / "part1.xml").write_text(
        f'<div xmlns="{TEI}" xml:id="d1"><p><ref target="#d2">two</ref></p></div>\n'
    )
    (tmp_path / "part2.xml").write_text(
        f'<div xmlns="{TEI}" xml:id="d2"><p><persName ref="persons.xml#p1">A</persName>\n'
        '<persName ref="persons.xml#p9">B</persName> <persName ref="#p1">C</persName>\n'
        '<persName ref="https://example.org/x.xml#p9">D</persName> '
        '<persName ref="elsewhere.xml#p9">E</persName></p></div>\n'
    )
    (tmp_path / "persons.xml").write_text(
        f'<TEI xmlns="{TEI}">{HEADER}<text><body><listPerson><person xml:id="p1"/>'
        "</listPerson></body></text></TEI>\n"
    )
    return tmp_path


def pointers(report: object) -> list[tuple[str, int, int, str]]:
    return [
        (Path(d.file).name, d.line, d.column, d.message)
        for d in report.diagnostics  # type: ignore[attr-defined]
        if d.code == "TF101"
    ]


def test_an_assembly_lends_its_ids_and_a_file_pointer_is_checked_against_its_file(
    edition: Path,
) -> None:
    files = [edition / name for name in ("driver.xml", "part1.xml", "part2.xml")]
    assert pointers(validate_paths(files)) == [
        (
            "part2.xml",
            2,
            11,
            (
                'pointer "persons.xml#p9" in attribute "ref" of "persName" names no xml:id of '
                "persons.xml"
            ),
        ),
        (
            "part2.xml",
            2,
            55,
            'pointer "#p1" in attribute "ref" of "persName" names no xml:id of this document',
        ),
    ]


def test_shared_ids_lend_their_ids_to_every_document(edition: Path) -> None:
    files = [edition / name for name in ("driver.xml", "part1.xml", "part2.xml")]
    report = validate_paths(files, shared_ids=[edition / "persons.xml"])
    assert [found[3][:24] for found in pointers(report)] == ['pointer "persons.xml#p9"']


def test_a_part_alone_knows_nothing_of_its_driver(edition: Path) -> None:
    assert [found[3][:14] for found in pointers(validate_paths([edition / "part1.xml"]))] == [
        'pointer "#d2" '
    ]


def test_a_cached_result_is_not_reused_once_the_pointed_file_changes(
    edition: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    files = [edition / "part2.xml"]
    assert len(pointers(validate_paths(files, cache_dir=cache))) == 2
    persons = edition / "persons.xml"
    persons.write_text(
        persons.read_text().replace(
            '<person xml:id="p1"/>', '<person xml:id="p1"/><person xml:id="p9"/>'
        )
    )
    assert [found[3][:14] for found in pointers(validate_paths(files, cache_dir=cache))] == [
        'pointer "#p1" '
    ]


def test_a_driver_is_checked_as_the_edition_it_assembles_and_its_parts_there(
    edition: Path,
) -> None:
    (edition / "part1.xml").write_text(
        f'<div xmlns="{TEI}" xml:id="d1">\n  <p><ref target="#d2">two</ref><foo/></p></div>\n'
    )
    files = [edition / name for name in ("driver.xml", "part1.xml", "part2.xml")]
    report = validate_paths(files, shared_ids=[edition / "persons.xml"])
    found = [
        (Path(d.file).name, d.line, d.column, d.code, d.message[:40]) for d in report.diagnostics
    ]
    assert found == [
        ("driver.xml", 3, 1, "RNG", 'element "p" is not allowed here; expecte'),
        ("part1.xml", 2, 33, "RNG", 'element "foo" is not allowed here; expec'),
        ("part2.xml", 2, 11, "TF101", 'pointer "persons.xml#p9" in attribute "r'),
        ("part2.xml", 3, 69, "TF109", 'pointer "elsewhere.xml#p9" in attribute '),
    ]
    # each part once, within the edition: no "div is not allowed as the root"
    assert report.schemas[str(edition / "part1.xml")] == ("tei_all.rng (TEI P5 4.12.0)",)
    assert report.invalid_files == tuple(str(f) for f in files)


def test_an_include_that_cannot_be_made_stays_and_is_reported(tmp_path: Path) -> None:
    (tmp_path / "driver.xml").write_text(
        f'<TEI xmlns="{TEI}" xmlns:xi="http://www.w3.org/2001/XInclude">{HEADER}\n'
        '<text><body><xi:include href="https://example.org/part.xml"/>'
        '<xi:include href="missing.xml"/><p>x</p></body></text></TEI>\n'
    )
    report = validate_paths([tmp_path / "driver.xml"])
    assert [(d.line, d.column, d.message[:52]) for d in report.diagnostics] == [
        (2, 13, 'element "{http://www.w3.org/2001/XInclude}include" i'),
        (2, 62, 'element "{http://www.w3.org/2001/XInclude}include" i'),
    ]


def test_text_includes_xpointers_and_fallbacks_are_made_as_xinclude_says(
    tmp_path: Path,
) -> None:
    (tmp_path / "driver.xml").write_text(
        f'<TEI xmlns="{TEI}" xmlns:xi="http://www.w3.org/2001/XInclude">{HEADER}\n'
        '<text><body><p>He wrote: <xi:include href="quote.txt" parse="text"/>, then left.</p>\n'
        '<xi:include href="notes.xml" xpointer="element(n2)"/>\n'
        '<xi:include href="notes.xml" xpointer="element(/1/1)"/>\n'
        '<xi:include href="missing.xml"><xi:fallback><p>Lost.</p></xi:fallback></xi:include>\n'
        '<p><ref target="#n2">see</ref></p></body></text></TEI>\n'
    )
    (tmp_path / "quote.txt").write_text("« Liberté »", encoding="utf-8")
    (tmp_path / "notes.xml").write_text(
        f'<div xmlns="{TEI}"><p xml:id="n1">One.</p>\n<p xml:id="n2">Two <foo/>.</p></div>\n'
    )
    document = load(tmp_path / "driver.xml")
    assert isinstance(document, Document)
    body = assemble(document).root.find(f".//{{{TEI}}}body")
    assert body is not None
    assert [" ".join("".join(p.itertext()).split()) for p in body] == [
        "He wrote: « Liberté », then left.",
        "Two .",
        "One.",
        "Lost.",
        "see",
    ]
    report = validate_paths([tmp_path / "driver.xml"])
    # the one finding is in the fragment, at its place in notes.xml; #n2 resolves
    assert [
        (Path(d.file).name, d.line, d.column, d.code, d.message[:33]) for d in report.diagnostics
    ] == [("notes.xml", 2, 20, "RNG", 'element "foo" is not allowed here')]


def test_a_file_included_only_in_part_is_still_checked_on_its_own(tmp_path: Path) -> None:
    (tmp_path / "driver.xml").write_text(
        f'<TEI xmlns="{TEI}" xmlns:xi="http://www.w3.org/2001/XInclude">{HEADER}\n'
        '<text><body><xi:include href="notes.xml" xpointer="n1"/></body></text></TEI>\n'
    )
    (tmp_path / "notes.xml").write_text(
        f'<TEI xmlns="{TEI}">{HEADER}<text><body><p xml:id="n1">One.</p>\n'
        '<p><ref target="#n9">x</ref></p></body></text></TEI>\n'
    )
    report = validate_paths([tmp_path / "driver.xml", tmp_path / "notes.xml"])
    assert [(Path(d.file).name, d.line, d.code) for d in report.diagnostics] == [
        ("notes.xml", 2, "TF101")
    ]
    assert report.invalid_files == (str(tmp_path / "notes.xml"),)
