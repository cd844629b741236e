"""Bounded: encode's time grows linearly with its input. Checked coarsely here (four times
the text, under eight times the time; a quadratic step would take sixteen); the figures, and
memory, are benchmarks/scale.py's."""

from __future__ import annotations

import importlib.util
import logging
import time
from collections.abc import Callable, Iterator

import pytest

from support import REPO
from teiforge.encode import EncodeOptions, encode
from teiforge.layout.joining import TextBuilder
from teiforge.read import source_from_bytes

_SPEC = importlib.util.spec_from_file_location("scale", REPO / "benchmarks" / "scale.py")
assert _SPEC is not None and _SPEC.loader is not None
scale = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(scale)


@pytest.fixture(autouse=True)
def quiet() -> Iterator[None]:
    logging.disable(logging.WARNING)  # notes left without an anchor are said, not failures
    yield
    logging.disable(logging.NOTSET)


def _seconds(text: str) -> float:
    """The better of two CPU times: the less disturbed by whatever else the machine does."""
    source = source_from_bytes(text.encode("utf-8"), "book.txt")
    times = []
    for _ in range(2):
        started = time.process_time()
        encode(source, EncodeOptions(date="2026-01-01"))
        times.append(time.process_time() - started)
    return min(times)


@pytest.mark.parametrize("shape", ["book", "endless", "short-pages", "long-paragraph"])
def test_time_grows_linearly(shape: str) -> None:
    make: Callable[[int], str] = scale.SHAPES[shape]
    encode(source_from_bytes(b"Un texte pour charger les lexiques.", "warm-up.txt"))
    small, large = _seconds(make(60_000)), _seconds(make(240_000))
    assert large < 8 * small, f"{shape}: 60 kB in {small:.3f} s, 240 kB in {large:.3f} s"


def test_a_page_with_many_anchor_candidates() -> None:
    """A page of 800 lines whose words end in digits (anchor candidates), and one note."""
    text = "Le rapport1 du conseil est long.\n" * 800 + "\n1 Voir le rapport.\n"
    encode(source_from_bytes(text.encode(), "x.txt"))


def test_a_paragraph_of_many_lines_is_joined_in_linear_time() -> None:
    """Joining n lines costs n (a text rebuilt at every line would cost n²: minutes for a
    10 MB paragraph)."""
    line = "le conseil de la ville et les quartiers de la commune voisine"

    def join(count: int) -> float:
        times = []
        for _ in range(3):
            builder = TextBuilder()
            started = time.process_time()
            for _ in range(count):
                builder.append(line)
            assert len(builder.text) == count * (len(line) + 1) - 1
            times.append(time.process_time() - started)
        return min(times)

    small, large = join(8_000), join(32_000)
    assert large < 8 * small, f"8,000 lines in {small:.3f} s, 32,000 in {large:.3f} s"


def test_a_paragraph_across_thousands_of_pages() -> None:
    """A paragraph that never ends a sentence runs on from page to page: one <p> holding a
    <pb/> for each page."""

    def seconds(pages: int) -> float:
        text = "".join(f"ligne {i} de la page sans fin de phrase\n\f" for i in range(pages))
        source = source_from_bytes(text.encode(), "x.txt")
        started = time.process_time()
        encode(source)
        return time.process_time() - started

    small, large = seconds(1_000), seconds(4_000)
    assert large < 8 * small, f"1,000 pages in {small:.3f} s, 4,000 in {large:.3f} s"
