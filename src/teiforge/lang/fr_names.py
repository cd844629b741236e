"""French words that name, or stand around, people and institutions: titles and
functions before a person's name, particles inside it, the words that end it, heads and
adjectives of an institution's name. Read by the names stage (`teiforge.names`); the
print conventions (marks, notes, headings) are in `lang/fr.py`.
"""

from __future__ import annotations

# --- people ----------------------------------------------------------------------------
# Forms of address and ranks that stand before a person's name (`M. Brocq`, `Mme Anny
# Coker`, `le docteur Broca`, `l'abbé Grégoire`, `le général Faidherbe`), lowercased; a
# name after one of them is a person's, even where a commune bears it (`M. Laval`).
# The abbreviations (NAME_TITLES) are read with or without their full stop.
PERSON_TITLES = frozenset(
    ["m", "mm", "mme", "mmes", "mlle", "mlles", "mgr", "me", "dr", "pr", "monsieur",
     "madame", "mademoiselle", "messieurs", "mesdames", "monseigneur", "maître", "docteur",
     "professeur", "citoyen", "citoyenne", "camarade", "sir", "lord", "lady", "miss",
     "mistress"]
)  # fmt: skip
# Ranks, offices and functions that may stand before a name (`le président Grévy`) or
# after it, set apart by a comma (`Verdun, substitut du procureur`).
PERSON_FUNCTIONS = frozenset(
    ["général", "colonel", "commandant", "capitaine", "lieutenant", "amiral", "maréchal",
     "abbé", "père", "frère", "frères", "sœur", "diacre", "cardinal", "évêque", "archevêque", "curé", "pasteur",
     "rabbin", "président", "présidente", "député", "sénateur", "ministre", "préfet",
     "sous-préfet", "maire", "adjoint", "conseiller", "consul", "ambassadeur", "substitut",
     "procureur", "avocat", "avoué", "notaire", "juge", "greffier", "commissaire",
     "inspecteur", "directeur", "directrice", "secrétaire", "trésorier", "médecin",
     "chirurgien", "pharmacien", "ingénieur", "instituteur", "institutrice", "sieur",
     "veuve", "roi", "reine", "empereur", "impératrice", "comte", "comtesse", "duc",
     "duchesse", "marquis", "marquise", "baron", "baronne", "vicomte", "vicomtesse",
     "prince", "princesse", "chevalier", "délégué", "explorateur", "voyageur",
     # professions of the arts and letters, before a name (`le peintre Boucher`, `le
     # savant Valmont de Bomare`) or after it and a comma (`Natoire, peintre du roi`)
     "peintre", "sculpteur", "graveur", "architecte", "poète", "historien", "savant",
     "philosophe", "écrivain", "musicien", "compositeur", "naturaliste", "géographe",
     "astronome", "mathématicien", "physicien", "chimiste", "botaniste", "orientaliste",
     "missionnaire", "navigateur", "jurisconsulte", "théologien", "grammairien",
     "comédien", "comédienne", "acteur", "actrice", "cantatrice", "traducteur"]
)  # fmt: skip
# Particles inside a person's name (`Gaëtan de La Rochefoucauld`, `Van Dyck`).
NAME_PARTICLES = frozenset(["de", "d", "du", "des", "la", "le", "van", "von", "der", "di", "da"])
# Capitalised words that end a person's name rather than continue it (a title's words:
# `M. le Président` is a role; `M. Dupont Fils`): folded, no accents.
NOT_NAME_WORDS = frozenset(
    ["president", "presidente", "secretaire", "rapporteur", "tresorier", "ministre",
     "prefet", "maire", "general", "directeur", "docteur", "professeur", "fils", "pere",
     "aine", "jeune", "abbe", "cure", "comte", "duc", "marquis", "baron", "prince",
     "membre", "delegue", "et", "ou", "un", "une", "ce", "cet", "cette", "ces", "il", "ils",
     "elle", "elles", "on", "nous", "vous", "je", "son", "sa", "ses", "leur", "leurs", "mon",
     "ma", "mes", "notre", "nos", "votre", "vos", "tout", "tous", "toute", "toutes", "si",
     "quand", "comme", "cela", "ceci", "voici", "voila", "enfin", "ainsi", "alors", "puis",
     "non", "oui", "mais", "car", "donc", "lorsque", "quoique", "pourtant", "cependant",
     "sire", "vendemiaire", "brumaire", "frimaire", "nivose", "pluviose", "ventose",
     "germinal", "floreal", "prairial", "messidor", "thermidor", "fructidor"]
)  # fmt: skip
# Given names, which make the capitalised words after them a person's name (`Louis
# Rousselet`, `Jean de Guistry`, `Charles V`): the common ones of French texts from the
# Middle Ages to the twentieth century, folded (no accents), by hand.
GIVEN_NAMES = frozenset(
    ["achille", "adolphe", "adrien", "agnes", "alain", "albert", "alexandre", "alexis",
     "alfred", "alphonse", "amedee", "andre", "anne", "antoine", "antoinette", "anny",
     "armand", "arnaud", "arthur", "auguste", "augustin", "baptiste", "barthelemy",
     "benjamin", "benoit", "bernard", "blaise", "camille", "catherine", "cesar", "charles",
     "charlotte", "christophe", "claude", "clemence", "denis", "dominique", "edmond",
     "edouard", "elisabeth", "emile", "emilie", "emmanuel", "ernest", "etienne", "eugene",
     "eugenie", "felix", "ferdinand", "fernand", "francois", "francoise", "frederic",
     "gabriel", "gabrielle", "gaston", "georges", "germain", "gilbert", "gilles",
     "guillaume", "gustave", "guy", "hector", "helene", "henri", "henriette", "henry",
     "hippolyte", "honore", "hugues", "isabelle", "jacques", "jean", "jeanne", "jerome",
     "joseph", "jules", "julien", "laurent", "leon", "leonard", "louis", "louise", "lucien",
     "marc", "marguerite", "marie", "marthe", "mathieu", "maurice", "maximilien", "michel",
     "napoleon", "nicolas", "ninon", "olivier", "paul", "philippe", "pierre", "prosper",
     "raoul", "raymond", "rene", "robert", "roger", "samuel", "simon", "sophie", "stanislas",
     "theodore", "theophile", "thomas", "urbain", "valentin", "victor", "vincent"]
)  # fmt: skip
# Endings of the words for a people and its adjective (Roumain, Anglais, Danois, Indien),
# which a capital in mid-sentence does not make a surname; folded.
DEMONYM_ENDINGS = (
    "ain", "aine", "ains", "aines", "ais", "aise", "aises", "ois", "oise", "oises", "ien",
    "ienne", "iens", "iennes",
)  # fmt: skip
# Given names shortened to their first letters and a full stop, which stand for an
# initial before a surname (`M. Ch. Schoebel`, `Ed. Dulaurier`, `Th. Gautier`); folded.
GIVEN_ABBREVIATIONS = frozenset(
    ["ch", "chr", "ed", "edm", "th", "theod", "aug", "alph", "alex", "ant", "cl", "fr",
     "fred", "gust", "guill", "hipp", "jul", "jos", "ph", "phil", "nic", "vict", "emm",
     "ern", "ferd", "alf", "arm", "ad", "eug", "gab", "max", "seb", "wm"]
)  # fmt: skip
# Roman numerals that look like initials (`I. Introduction`, `V. Les villes`).
ROMAN_INITIALS = frozenset("IVXLCD")

# Words after which "à X" is where one goes, lives or is born (`un voyage à Tombouctou`,
# `né à Rouen`); after others "à X" is as often a person (`ressemble à Watteau`); folded.
GOING_WORDS = frozenset(
    ["voyage", "voyages", "ne", "nee", "mort", "morte", "decede", "arrive", "arrivee",
     "arriva", "sejour", "habite", "habitait", "demeurant", "residant", "retour",
     "retourne", "partit", "alla", "allait", "aller", "venu", "imprime", "publie",
     "etabli", "route"]
)  # fmt: skip

# Participles of making or citing a work, after which "par" and a capitalised name is a
# person (`peint par Boucher`, `gravé par Cochin`, `cité par Barth`); not those a firm
# does as often (`publié par`, `édité par`, `imprimé par`: Hachette); folded.
AUTHORSHIP_PARTICIPLES = frozenset(
    w + ending
    for w in ["peint", "grave", "sculpte", "dessine", "ecrit", "compose", "traduit",
              "annote", "commente", "illustre", "lithographie", "decrit", "cite",
              "rapporte", "mentionne", "signale", "observe", "invente", "decouvert",
              "reedite"]
    for ending in ("", "e", "s", "es")
) | {"trad"}  # fmt: skip

# Nouns after which "de X" is a person's (`le portrait de Boucher`, `la statue de
# Pompée`, `la mort de César`, `les élèves de David`), not a place's; not nouns of a
# picture or a story that may show a place (`un tableau de Paris`, `l'histoire de
# Rome`); folded.
PERSON_OF = frozenset(
    ["portrait", "portraits", "buste", "bustes", "statue", "statues", "tombeau", "mort",
     "vie", "oeuvre", "oeuvres", "ouvrage", "ouvrages", "ecrits", "eleve", "eleves",
     "disciple", "disciples", "fils", "fille", "filles", "femme", "veuve", "epouse",
     "frere", "freres", "soeur", "neveu", "niece", "regne", "maitresse", "favori",
     "favorite", "successeur", "predecesseur", "biographie", "eloge", "philosophie",
     "doctrine", "doctrines", "systeme", "traduction", "comedies", "tragedies", "poemes",
     "fables", "memoires", "pinceau", "ciseau", "maniere", "atelier"]
)  # fmt: skip
# Adjectives of an author's works between such a noun and "de" (`Œuvres complètes de
# Bossuet`, `Poésies choisies de`); folded.
WORKS_ADJECTIVES = frozenset(
    ["complete", "completes", "choisies", "choisis", "posthumes", "posthume", "inedites",
     "inedits", "diverses", "principales"]
)  # fmt: skip

# --- organisations ---------------------------------------------------------------------
# Nouns that head an institution's name when capitalised in running text (`l'Institut`,
# `la Société d'ethnographie`, `l'Académie des sciences`, `le Collège Rollin`); folded.
# Not nouns as often capitalised for a body in general (`le Comité de quartier`, `la
# Commission`, `le Syndicat`, `la Compagnie`).
ORG_HEADS = frozenset(
    ["institut", "societe", "academie", "college", "lycee", "ecole", "universite",
     "faculte", "musee", "bibliotheque", "conservatoire", "seminaire", "observatoire",
     "opera", "museum", "cour", "chambre", "compagnie", "assemblee", "theatre", "banque",
     "parlement", "conseil", "directoire", "union", "imprimerie", "senat", "credit",
     "caisse", "office", "tribunal", "federation", "prefecture"]
)  # fmt: skip
# Of these, the heads that name one institution alone (`l'Institut`, `l'Université`,
# `l'Opéra`); the others need what names them (`la Société d'ethnographie`, `le Musée
# de Versailles`, `la Cour de cassation`, `la Chambre des députés`): alone, `la Société`,
# `l'Ecole`, `la Cour` are as often society, a school of painting, a king's court; `la
# Chambre`, `l'Assemblée`, `le Sénat` capitalised in running text are a parliament.
BARE_ORG_HEADS = frozenset(
    ["institut", "academie", "universite", "faculte", "conservatoire", "observatoire",
     "opera", "museum", "parlement", "directoire", "senat", "chambre", "assemblee"]
)  # fmt: skip
# Adjectives of a nation, which after `Ecole` name a school of painting, not a body
# (`l'Ecole française`, not `l'École française d'Athènes`); folded.
STYLE_ADJECTIVES = frozenset(
    ["francaise", "francais", "italienne", "flamande", "hollandaise", "allemande",
     "espagnole", "anglaise", "moderne", "romantique", "classique"]
)  # fmt: skip
# Adjectives that end an institution's name after its head or what names it (`l'Académie
# française`, `le Muséum d'histoire naturelle`, `la Bibliothèque nationale`); folded.
ORG_ADJECTIVES = frozenset(
    ["francaise", "francais", "nationale", "national", "royale", "royal", "imperiale",
     "imperial", "naturelle", "publique", "centrale", "central", "generale", "general",
     "superieure", "superieur", "normale", "polytechnique", "pratique", "libre",
     "catholique", "protestante", "anthropologique", "geographique", "asiatique",
     "orientale", "ethnographique", "medicale", "philotechnique", "etrangeres",
     "politique", "politiques", "morales", "municipale", "municipal", "militaire",
     "constituante", "legislative", "legislatif", "italien", "italienne", "comique",
     "lyrique", "executif", "executive", "federal", "federale", "ouvriere", "ouvrier",
     "departemental", "communal", "regional", "cantonal", "provincial", "colonial",
     "international", "civil", "mutuel", "foncier", "agricole"]
)  # fmt: skip
# Heads of a ministry, named by what follows in capitals, in any case (`le ministère de
# la Guerre`, `le Ministère de l'Instruction publique`); folded.
MINISTRY_HEADS = frozenset(["ministere", "secretariat"])
# Bodies in small letters that a capitalised complement names (`la préfecture de l'Isère`,
# `le tribunal de Lyon`, `la faculté de médecine de Paris`); folded. Not `la cour`, whose
# `de Louis XIV` is a king's.
SEAT_HEADS = frozenset(["prefecture", "tribunal", "faculte", "universite"])
# Nouns of a body in small letters before its name (`l'institution Sainte-Barbe`), besides
# ORG_HEADS (`le collège Sainte-Barbe`); folded.
INSTITUTION_NOUNS = frozenset(
    ["institution", "pension", "couvent", "hopital", "hospice", "prieure", "pensionnat"]
)  # fmt: skip
