"""Names of people, places and organisations: the lists they are read against and how they
are found in a text. One job a module:

- normalise: words of a text and their keys (case, accents, elision, dotted abbreviations);
- model: a Name (one form of one entry) and an Authority (entries and their names);
- authority: a TEI authority list -> Authority (listPerson, listPlace, listOrg);
- base: the built-in base for French (INSEE's places, places abroad, traditional names,
  common institutions);
- known: the lists a document is read against, cached;
- matcher: every known name at every word (a dictionary over the keys of words);
- context: when a place of the base is one (ambiguous names, longer names, people);
- references: authors, publishers and places of publication in references;
- people: people by their context (titles, initials, given names, functions, the lexicon);
- lists: the names coordinated with a person's or a place's;
- organisations: institutions by their head noun;
- acronyms: an abbreviation next to its expansion;
- candidates: the names of one block, longest first;
- document: one document's entries and their xml:ids.

The annotator that puts it together is teiforge.annotate.names.
"""
