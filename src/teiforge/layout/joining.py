"""Lines -> running text: line ends become spaces, words broken at a line end are rejoined."""

from __future__ import annotations

_HYPHENS = ("-", "\u00ad", "¬")


def join_point(text: str, following: str) -> tuple[str, str]:
    """How `following` attaches to `text`: (text with a line-end hyphen dropped, separator).

    A hyphen after a letter, before a lowercase letter, breaks a word (`dévelop-` `pés`);
    before a capital it is a compound's own hyphen (`Jean-` `Pierre`) and stays."""
    if not text:
        return text, ""
    if text.endswith(_HYPHENS) and len(text) >= 2 and text[-2].isalpha():
        if following[:1].islower():
            return text[:-1], ""
        if following[:1].isupper() and text[-1] == "-":
            return text, ""
    return text, " "


class TextBuilder:
    """Accumulates lines into one text and tells where each appended line begins."""

    def __init__(self) -> None:
        self.text = ""

    def append(self, line: str) -> int:
        """Append a line; return the offset in the text where it begins."""
        line = line.strip()
        head, separator = join_point(self.text, line)
        self.text = head + separator + line
        return len(head) + len(separator)
