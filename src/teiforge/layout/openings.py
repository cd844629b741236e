"""A division's opening page: the title at its top is a heading, though the running heads
of the pages after it repeat it (running_heads.py asks these rules of every line it
would take for a head).

Printers leave the running head off the page that opens a chapter and print the
chapter's title there; the running heads of the next pages repeat that title, often
word for word. What tells the title from a head is where it stands in the run of heads:
- it names its division with its number (`Chapitre VII. Peut-être rêvait-elle`) where
  the heads that repeat it print the title alone (`PEUT-ÊTRE RÊVAIT-ELLE`);
- it opens a new run of heads, on a page that follows a page headed otherwise and comes
  before one headed with it, as heads alike on every page change from one chapter's
  title to the next, and its words were never printed before;
- it stands under the page's running head, on a page that has one already (a page
  carries one running head at its top);
- it stands where the running head of its side would, but that head is known and is
  another (`QUE LE SERGENT` between two pages headed `Ça c'est du fromage`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from ..lang import fr
from ..lang.numerals import numeral_value

SIMILAR = 0.75  # SequenceMatcher ratio from which two heads are one, OCR noise aside
# below this ratio a line is no garbled reading of a head (`RP ANAE PROPOS pr` for
# `AVANT-PROPOS.` is 0.64; two heads' different texts, 0.2-0.4)
GARBLED = 0.5


def alike(a: str, b: str, least: float = SIMILAR) -> bool:
    """Two lines alike (the ratio at least `least`): the quick ratios, upper bounds of the
    ratio, refuse most pairs before it is computed."""
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= least
        and matcher.quick_ratio() >= least
        and matcher.ratio() >= least
    )


def division_heading(text: str) -> bool:
    """A division's heading: its word and its number (`CHAPITRE IX`, `Livre premier`,
    `Chapitre VII. Peut-être rêvait-elle`)."""
    words = [word.strip(".,:;—–-").lower() for word in text.split()]
    if len(words) < 2 or words[0] not in fr.DIVISION_WORDS:
        return False
    return numeral_value(words[1]) is not None or words[1] in fr.ORDINAL_WORDS


def title_of(text: str) -> str:
    """A heading's title without its division's word and number (`Chapitre XIII. Pas
    bien.` -> `Pas bien.`): what a running head repeats. Any other line as it is."""
    if not division_heading(text):
        return text
    rest = text.split(None, 2)[2:]
    return rest[0].lstrip(".:—–- ") if rest else text


def names_its_division(text: str, fellow_texts: Sequence[str]) -> bool:
    """A line that names its division and number (`Chapitre VII. Peut-être rêvait-elle à
    ses.`) where the lines like it nearby do not (`PEUT-ÊTRE RÊVAIT-ELLE À SES`): the
    division's heading, whose title the running heads repeat."""
    return division_heading(text) and not any(division_heading(t) for t in fellow_texts)


def opens_new_run(
    page: int,
    key: str,
    fellow_pages: Sequence[int],
    head_keys: Mapping[int, str],
    printed: bool,
) -> bool:
    """Whether a line taken for a head is the title of a division that opens at the top of
    its page: the first of its run (no page before repeats it), the page after headed with
    it, the page before with another text that does not come back, as heads alike on
    every page change from one chapter's title to the next; `printed`: its words printed before, or lower on its page
    (then the division opened before, or opens below: the line is its head). The caller
    asks only of lines without a page number beside them. `head_keys`: the running heads
    found, {page: key}."""
    if printed or not fellow_pages or min(fellow_pages) < page:
        return False
    before, after = head_keys.get(page - 1), head_keys.get(page + 1)
    if before is None or after is None or not alike(after, key) or alike(before, key):
        return False
    # the head before comes back later: two heads alternate, and this is one side's
    return not any(alike(other, before) for p, other in head_keys.items() if p > page)


def under_a_head(index: int, page: int, found: Mapping[tuple[int, int], str]) -> bool:
    """Whether a line stands under its page's running head, found at a line above it: a
    page carries one running head at its top; the line below is a title."""
    return any(found.get((page, above)) == "header" for above in range(index))


def side_known(page: int, key: str, keys: Mapping[int, str]) -> bool:
    """Whether the running head of a page's side is known and is not this line (`key`),
    nor a garbled reading of it. Its two neighbours carry one head; then either heads are
    alike on every page (two pages in a row carry it beside this one), or they alternate,
    verso and recto, and the pages two before and two after, on this page's side, carry
    one other head.
    The page prints no head: it opens a division, and the line is its title. `keys`: the
    running heads found, {page: key}."""
    before, after = keys.get(page - 1), keys.get(page + 1)
    if before is None or after is None or not alike(before, after):
        return False
    earlier, side = keys.get(page - 2), keys.get(page + 2)
    if (earlier is not None and alike(earlier, before)) or (
        side is not None and alike(side, after)
    ):
        return not alike(before, key, GARBLED)  # heads alike on every page
    if earlier is None or side is None or not alike(earlier, side):
        return False  # the side's head changes, or is not seen, around this page
    return not alike(side, key, GARBLED)
