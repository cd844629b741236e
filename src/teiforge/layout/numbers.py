"""Printed page numbers: a line holding only a number, at the top or bottom of a page."""

from __future__ import annotations

import re

from ..model import Line

_PAGE_NUMBER = re.compile(r"^[\s\-–—]*(?P<n>\d{1,4}|[ivxlc]{1,7})[\s\-–—]*$")


def take_page_number(lines: list[Line]) -> tuple[str | None, list[Line]]:
    """(printed number, the lines without it). Only the first or last line can be one."""
    for index in (0, len(lines) - 1) if len(lines) > 1 else ():
        match = _PAGE_NUMBER.match(lines[index].text)
        if index and lines[index - 1].text.rstrip().endswith(("-", "\u00ad", "¬")):
            continue  # the end of a word broken at the line before, not a page number
        if match is not None:
            rest = lines[:index] + lines[index + 1 :]
            if index == 0 and rest:
                rest[0] = Line(rest[0].number, rest[0].text, 0)
            return match.group("n"), rest
    return None, lines
