"""Lines -> running text: line ends become spaces, words broken at a line end are rejoined."""

from __future__ import annotations

HYPHENS = ("-", "\u00ad", "¬")


def join_point(text: str, following: str) -> tuple[str, str]:
    """How `following` attaches to `text`: (text with a line-end hyphen dropped, separator).

    A hyphen after a letter, before a lowercase letter, breaks a word (`dévelop-` `pés`);
    before a capital it is a compound's own hyphen (`Jean-` `Pierre`) and stays."""
    if not text:
        return text, ""
    if text.endswith(HYPHENS) and len(text) >= 2 and text[-2].isalpha():
        if following[:1].islower():
            return text[:-1], ""
        if following[:1].isupper() and text[-1] == "-":
            return text, ""
    return text, " "


class TextBuilder:
    """Accumulates lines into one text and tells where each appended line begins. The lines
    are kept apart until the text is asked for: a paragraph of n lines costs n, not n²."""

    def __init__(self) -> None:
        self._parts: list[str] = []  # each appended line with the separator before it
        self._length = 0

    @property
    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def append(self, line: str) -> int:
        """Append a line; return the offset in the text where it begins."""
        line = line.strip()
        last = self._parts.pop() if self._parts else ""  # join_point looks at its end only
        head, separator = join_point(last, line)
        self._parts += [head, separator + line] if head else [separator + line]
        start = self._length - len(last) + len(head) + len(separator)
        self._length = start + len(line)
        return start
