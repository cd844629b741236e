"""The statistical recogniser's suggestions (issue 22, item 4): optional (the extra
[ner]); only proposed in the names file of `teiforge review --names`, never tagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import teiforge
from teiforge.names.suggest import available, suggest

TEXT = "Nous avons reçu une lettre de Bougainville, datée de Tahiti, et une autre de M. Brocq.\n"
needs_model = pytest.mark.skipif(not available(), reason="spaCy or fr_core_news_sm not installed")


@needs_model
def test_the_model_proposes_names_outside_the_spans_taken() -> None:
    text = TEXT.strip()
    brocq = text.index("Brocq")
    found = [(s.text, s.kind) for s in suggest(text, [(brocq, brocq + len("Brocq"))])]
    assert found == [("Bougainville", "person"), ("Tahiti", "place")]


@needs_model
def test_review_lists_the_proposals_and_encoding_does_not_tag_them(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text(TEXT, encoding="utf-8")
    done = teiforge("review", source, "-o", tmp_path / "rv.tsv", "--names", tmp_path / "n.tsv")
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in (tmp_path / "n.tsv").read_text().splitlines()]
    assert rows[0] == ["document", "page", "line", "column", "name", "type", "left", "right"]
    # M. Brocq is the rules' (a person after a title): not proposed again
    assert [row[:6] for row in rows[1:]] == [
        ["doc.txt", "1", "1", "31", "Bougainville", "person"],
        ["doc.txt", "1", "1", "54", "Tahiti", "place"],
    ]
    encoded = teiforge("encode", source, "-o", tmp_path / "doc.xml")
    assert encoded.returncode == 0, encoded.stderr
    xml = (tmp_path / "doc.xml").read_text()
    assert ">Brocq</persName>" in xml
    assert ">Bougainville<" not in xml and ">Tahiti<" not in xml


def test_without_the_model_nothing_is_proposed_and_nothing_breaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from teiforge.names import suggest as module

    monkeypatch.setattr(module, "recogniser", lambda: None)
    assert module.suggest(TEXT) == []
    assert not module.available()
