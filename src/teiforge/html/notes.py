"""Note numbering and linking, decided before anything is rendered.

A note's reference (a superscript link) stands where the note is referred to: at the
element its @target points at (notes gathered in <back>), at a <ref>/<ptr> that targets
the note, or else at the note's own place. Its body goes to the note list at the end of
the page, with a link back to its first reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..tei.ns import XML_ID
from .tree import Ids, pointers, tei_name


@dataclass(frozen=True)
class Note:
    element: etree._Element
    label: str  # @n as printed, or the note's position on the page
    note_id: str
    back_id: str  # id of the first reference to this note


@dataclass(frozen=True)
class NoteRef:
    note: Note
    ref_id: str


class NoteIndex:
    def __init__(self, order: list[etree._Element], ids: Ids) -> None:
        notes = [el for el in order if tei_name(el) == "note"]
        by_id: dict[str, etree._Element] = {}
        for element in order:
            if element.get(XML_ID):
                by_id.setdefault(element.get(XML_ID), element)
        refs: dict[etree._Element, etree._Element] = {}  # ref/ptr -> the note it points at
        for element in order:
            if tei_name(element) in ("ref", "ptr"):
                target = next(
                    (by_id[t] for t in pointers(element.get("target")) if t in by_id), None
                )
                if target is not None and tei_name(target) == "note":
                    refs[element] = target
        after: dict[etree._Element, list[etree._Element]] = {}  # anchor -> notes
        for note in notes:
            target = next((by_id[t] for t in pointers(note.get("target")) if t in by_id), None)
            if target is not None and target is not note:
                after.setdefault(target, []).append(note)
        referred = set(refs.values()) | {note for group in after.values() for note in group}
        labels = {note: (note.get("n") or "").strip() or str(i) for i, note in enumerate(notes, 1)}
        note_ids = {note: ids.take(f"note-{labels[note]}") for note in notes}

        # reference ids in document order, so the back-link goes to the first reference
        sites: list[tuple[str, etree._Element, etree._Element]] = []  # (kind, where, note)
        for element in order:
            if element in refs:
                sites.append(("pointer", element, refs[element]))
            if tei_name(element) == "note" and element not in referred:
                sites.append(("here", element, element))
            for note in after.get(element, ()):
                if refs.get(element) is not note:  # a ref that is also the note's target
                    sites.append(("after", element, note))
        ref_ids = [ids.take(f"noteref-{labels[note]}") for _, _, note in sites]
        back_ids: dict[etree._Element, str] = {}
        for (_, _, note), ref_id in zip(sites, ref_ids):
            back_ids.setdefault(note, ref_id)

        self.notes = [Note(n, labels[n], note_ids[n], back_ids[n]) for n in notes]
        by_element = {note.element: note for note in self.notes}
        self._here: dict[etree._Element, NoteRef] = {}
        self._pointer: dict[etree._Element, NoteRef] = {}
        self._after: dict[etree._Element, list[NoteRef]] = {}
        for (kind, where, note), ref_id in zip(sites, ref_ids):
            ref = NoteRef(by_element[note], ref_id)
            if kind == "after":
                self._after.setdefault(where, []).append(ref)
            else:
                (self._here if kind == "here" else self._pointer)[where] = ref

    def here(self, note: etree._Element) -> NoteRef | None:
        """The reference a note leaves at its own place (None: it is referred to elsewhere)."""
        return self._here.get(note)

    def pointer(self, element: etree._Element) -> NoteRef | None:
        """The reference a <ref> or <ptr> makes to a note, if it points at one."""
        return self._pointer.get(element)

    def after(self, element: etree._Element) -> list[NoteRef]:
        """The references that follow `element` (notes whose @target points at it)."""
        return self._after.get(element, [])
