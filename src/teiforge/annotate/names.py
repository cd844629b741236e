"""names: people, places and organisations, tagged persName, placeName and orgName, each
pointing with @ref to its entry, copied into the document's standOff.

Read against the user's authority list (--authority, or `authority` in the configuration)
and the built-in base for French (communes, départements, régions, common institutions);
in references, authors, publishers and places of publication are found by their shape;
an acronym next to its expansion names the same organisation wherever it is used.

passes (tagged):
    le maire d'<placeName>Echirolles</placeName>
    le <orgName>Centre communal d'action sociale</orgName> (<orgName>CCAS</orgName>)
    <persName>Gautron V.</persName>, ... éd. <orgName>A.S.H.</orgName>, <placeName>Paris</placeName>
    la commune de <placeName>Mer</placeName>
fails (left alone):
    la ville, le préfet, les communes, l'Etat, la police     (generic words)
    la mer, La Mer est calme                                 (a commune's name as a word)
    Champ Pénal, Grenoble Alpes Métropole                    (part of a longer name)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import Annotation, BlockKind, Entity, Layout, Responsibility, Span
from ..names.acronyms import expansions
from ..names.bare import mentions
from ..names.candidates import (
    Candidate,
    Words,
    choose,
    from_document,
    from_lists,
    from_references,
    list_hits,
    listed_spans,
)
from ..names.context import in_compound, in_longer_name
from ..names.datelines import datelines
from ..names.document import DocumentEntries
from ..names.known import known_names
from ..names.lists import coordinated, guessed_places
from ..names.matcher import Matcher
from ..names.model import BASE, DOCUMENT, Name
from ..names.organisations import named_after_heads
from ..names.seats import complement, councils_of_places, seated
from ..ocr import load_corrector
from .context import Context
from .names_people import by_context, by_lexicon, candidate, is_common, is_proper, person_entry

CODE = "names"
TEXT_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.NOTE})


def _reserved(found: Sequence[Annotation]) -> set[str]:
    """xml:ids the document already has (besides notes, whose ids are "note..." and ours
    never are)."""
    ids = {"teiforge"}
    for item in found:
        if isinstance(item, (Entity, Responsibility)):
            ids.add(item.xml_id)
        elif isinstance(item, Span) and "xml:id" in item.attrs:
            ids.add(item.attrs["xml:id"])
    return ids


def _acronym_names(
    blocks: dict[int, Words], known: dict[int, list[Candidate]], entries: DocumentEntries
) -> list[Name]:
    """Names an expansion gives its acronym, or an acronym its expansion, for the whole
    document: the known entry of either, else an entry of their own."""
    names: list[Name] = []
    seen: set[str] = set()
    for index, words in blocks.items():
        at = {(c.start, c.end): c for c in known[index]}
        for found in expansions(words.text):
            if found.acronym in seen:
                continue
            seen.add(found.acronym)
            expansion = words.text[found.start : found.end]
            long = at.get((found.start, found.end))
            short = at.get((found.acronym_start, found.acronym_start + len(found.acronym)))
            if long and short:
                continue
            either = long or short
            if either:
                origin, entry = either.origin, either.entry
            else:
                origin = DOCUMENT
                entry = entries.generate("org", expansion, abbr=found.acronym)
            kind = entries.entity(origin, entry).kind
            names.append(Name(expansion, entry, kind, origin=origin))
            names.append(Name(found.acronym, entry, kind, abbr=True, origin=origin))
    return names


def _institution_names(blocks: dict[int, Words], entries: DocumentEntries) -> list[Name]:
    """The names a head noun gives an institution (le collège Sainte-Barbe): the
    institution's wherever the document uses them."""
    names: dict[str, Name] = {}
    for words in blocks.values():
        for org in named_after_heads(words.text, words.tokens):
            text = " ".join(org.text.split())
            if text not in names:
                entry = entries.generate("org", text)
                names[text] = Name(text, entry, "org", origin=DOCUMENT)
    return list(names.values())


def _reference_regions(
    block_kind: BlockKind, text: str, spans: Sequence[Span]
) -> list[tuple[int, int]]:
    if block_kind is BlockKind.NOTE:
        return [(0, len(text))]
    return [(s.start, s.end) for s in spans if s.tag == "bibl"]


def _not_under_people(
    candidates: list[Candidate], persons: list[Candidate], entries: DocumentEntries
) -> list[Candidate]:
    """A person's context wins over the base's places (M. Laval, Verdun, substitut), and
    so does an institution the document named (le collège Sainte-Barbe)."""
    return [
        c
        for c in candidates
        if c.origin != BASE
        or entries.tag(c.origin, c.entry) != "placeName"
        or not any(p.start < c.end and c.start < p.end for p in persons)
    ]


def annotate_names(
    layout: Layout, found: Sequence[Annotation], context: Context
) -> list[Annotation]:
    known = known_names(context.authority, context.language)
    entries = DocumentEntries(known, _reserved(found))
    existing: dict[int, list[Span]] = defaultdict(list)
    breaks: dict[int, set[int]] = defaultdict(set)
    for item in found:
        if isinstance(item, Span):
            existing[item.block].append(item)
            breaks[item.block].update((item.start, item.end))
    blocks = {
        index: Words.of(block.text, breaks[index])
        for index, block in enumerate(layout.blocks)
        if block.kind in TEXT_BLOCKS and block.text
    }
    hits = {index: list_hits(words, known) for index, words in blocks.items()}
    listed = {
        index: list(from_lists(words, known, hits[index], is_common, is_proper))
        for index, words in blocks.items()
    }
    institutions = _institution_names(blocks, entries)
    document = Matcher([*_acronym_names(blocks, listed, entries), *institutions])
    named = {
        index: [
            c for c in from_document(words, document) if not in_compound(words.text, c.start, c.end)
        ]
        for index, words in blocks.items()
    }
    # Where the lists have a name, whatever its context (see listed_spans).
    spans_listed = {
        index: listed_spans(words, known, hits[index]) for index, words in blocks.items()
    }
    persons = by_context(blocks, spans_listed, entries)
    lexicon = load_corrector().lexicon  # shared with the ocr stage, loaded once
    proper = by_lexicon(blocks, spans_listed, entries)
    proper_keys = frozenset(c.entry.removeprefix("person:") for cs in proper.values() for c in cs)
    spans: list[Annotation] = []
    for index, words in blocks.items():
        block = layout.blocks[index]
        candidates = [
            *_not_under_people(listed[index], [*persons[index], *named[index]], entries),
            *named[index],
            *persons[index],
        ]
        candidates.extend(councils_of_places(words.text, listed[index], entries))
        candidates.extend(datelines(words, hits[index]))  # BERNE, 6 avril
        regions = _reference_regions(block.kind, block.text, existing[index])
        if regions:
            candidates.extend(from_references(block.text, known, entries, regions))
        # Institutions by their shape, where no list put a name but a place of the base
        # that is their complement (le Musée de Versailles, l'Institut de France).
        for start, end, count in seated(words, listed[index], entries, lexicon.is_word):
            inside = [c for c in candidates if c.start < end and start < c.end]
            if all(complement(c, start, end, entries) for c in inside):
                candidates = [c for c in candidates if c not in inside]
                key = entries.generate("org", " ".join(words.text[start:end].split()))
                candidates.append(Candidate(start, end, count, DOCUMENT, key))
        # Last resort: only where nothing else put a name. A person the lexicon gave is
        # the same person wherever the word is capitalised alone (Descartes opening a
        # sentence, where the commune Descartes was not taken either).
        again = mentions(words.text, words.tokens, proper_keys)
        guessed: set[tuple[int, int]] = set()  # people by the lexicon alone, no context
        for p in [*proper[index], *(candidate(m) for m in again)]:
            if not any(c.start < p.end and p.start < c.end for c in candidates):
                at = next(i for i, t in enumerate(words.tokens) if t.start == p.start)
                if not in_longer_name(words.text, words.tokens, words.linked, at, at + 1):
                    candidates.append(p)
                    guessed.add((p.start, p.end))
        chosen = choose(candidates, existing[index])
        places_of_base = {
            (c.start, c.end): c
            for c in (words.candidate(h[1], h[0], h[1].name.entry) for h in hits[index])
            if c.origin == BASE and entries.tag(c.origin, c.entry) == "placeName"
        }
        # A list of people: the names coordinated with a person's (Lancret, Watteau et
        # Boucher), where nothing else is.
        spans_here: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for c in chosen:
            spans_here[entries.tag(c.origin, c.entry)].append((c.start, c.end))
        others = [*spans_here["placeName"], *spans_here["orgName"]]
        listed_people = [
            Candidate(p.start, p.end, p.words, DOCUMENT, person_entry(entries, p.surname, p.text))
            for p in coordinated(words.text, words.tokens, spans_here["persName"], others)
        ]
        # A list of places likewise (de Paris et de Cornouailles), where no person is
        # but one the lexicon guessed without context (par Havre, Hambourg et Liverpool).
        people_here = [*spans_here["persName"], *((p.start, p.end) for p in listed_people)]
        listed_places = [
            places_of_base.get((p.start, p.end))
            or Candidate(p.start, p.end, p.words, DOCUMENT, entries.generate("place", p.text))
            for p in [
                *coordinated(
                    words.text,
                    words.tokens,
                    spans_here["placeName"],
                    [*people_here, *spans_here["orgName"]],
                ),
                *guessed_places(words, spans_here, people_here, guessed, places_of_base),
            ]
        ]
        placed = {(c.start, c.end) for c in listed_places}
        chosen = [c for c in chosen if (c.start, c.end) not in placed]
        if listed_people or listed_places:
            chosen = choose([*chosen, *listed_people, *listed_places], existing[index])
        for kept in chosen:
            ref = entries.ref(kept.origin, kept.entry)
            tag = entries.tag(kept.origin, kept.entry)
            spans.append(Span(index, kept.start, kept.end, tag, {"ref": f"#{ref}"}, CODE))
    return [*entries.order, *spans]
